package chamada.web;

import org.eclipse.jetty.server.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routes are exact paths or prefixes, one handler per path and method, and never the assets' own. */
class WebRoutesTest {

    private static final Request.Handler NOTHING = (request, response, callback) -> false;

    @ParameterizedTest
    @ValueSource(strings = {"check-in", "/a/*/b", "/*.css", "/assets", "/assets/*", "/assets/x.css"})
    void path_notExactOrPrefixOrTheAssets_isRefused(String path) {
        assertThatThrownBy(() -> new WebRoutes().get(path, NOTHING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(path);
    }

    @Test
    void sameMethodAndPath_twice_isRefused() {
        WebRoutes routes = new WebRoutes().post("/check-in", NOTHING);

        assertThatThrownBy(() -> routes.post("/check-in", NOTHING))
                .hasMessage("POST /check-in already has a handler");
    }

    @Test
    void prefixRoute_answersThePathsUnderItWithThePathAfterThePrefix() {
        Request.Handler hello = (request, response, callback) -> {
            response.write(true, java.nio.charset.StandardCharsets.UTF_8.encode(Request.getPathInContext(request)),
                    callback);
            return true;
        };
        try (TestWeb web = TestWeb.start(config -> config, routes -> routes.get("/teacher/*", hello))) {
            assertThat(web.get("/teacher/classes/1010").body()).isEqualTo("/classes/1010");
            assertThat(web.get("/teacher").body()).isEmpty();
            assertThat(web.get("/teachers").statusCode()).isEqualTo(404);
        }
    }
}
