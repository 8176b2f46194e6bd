package chamada.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The style sheet, script and icon: on the class path, and served with their types and cache headers. */
class AssetsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "chamada.css, text/css",
            "chamada.js, text/javascript",
            "favicon.svg, image/svg+xml",
    })
    void asset_isOnTheClassPathAndServedWithItsType(String name, String type) {
        assertThat(getClass().getClassLoader().getResource(Assets.CLASS_PATH_FOLDER + name)).isNotNull();
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> asset = web.get("/assets/" + name);

            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).hasValueSatisfying(
                    value -> assertThat(value).startsWith(type));
            assertThat(asset.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(asset.headers().firstValue("ETag")).isPresent();
            assertThat(asset.body()).isNotBlank();
        }
    }

    @Test
    void asset_askedAgainWithItsETag_isNotModified() {
        try (TestWeb web = TestWeb.start()) {
            String etag = web.get("/assets/chamada.css").headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> again = web.send(web.request("/assets/chamada.css").header("If-None-Match", etag));

            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    @Test
    void missingAsset_isThe404Page() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> page = web.get("/assets/nothing.css", "en");

            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains(WebText.NOT_FOUND_TITLE.en());
        }
    }

    @Test
    void pathOutOfTheAssetsFolder_servesNoClass() {
        try (TestWeb web = TestWeb.start()) {
            for (String path : new String[] {"/assets/../chamada/web/WebServer.class", "/assets/%2e%2e/WebServer.class",
                    "/assets/..%2fWebServer.class", "/assets/", "/assets"}) {
                HttpResponse<String> answer = web.get(path);

                assertThat(answer.statusCode()).as(path).isIn(302, 400, 403, 404);
                assertThat(answer.body()).as(path).doesNotContain("\u00ca\u00fe\u00ba\u00be").doesNotContain("CAFEBABE");
            }
        }
    }
}
