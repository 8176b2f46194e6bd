package chamada.web;

import chamada.i18n.Lang;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the web front answers is a page of the site, in the visitor's language. */
class ErrorPagesTest {

    @ParameterizedTest
    @EnumSource(Lang.class)
    void unknownPath_isA404PageInTheVisitorsLanguage(Lang lang) {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> page = web.get("/no/such/page", lang.tag());

            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(page.body()).contains("<html lang=\"" + lang.tag() + "\">")
                    .contains(WebText.NOT_FOUND_TITLE.format(lang))
                    .contains(WebText.NOT_FOUND_TEXT.format(lang))
                    .contains(WebText.ERROR_STATUS.format(lang, 404))
                    .contains("<a href=\"?lang=en\"");
        }
    }

    @Test
    void unknownPath_withLangSwitch_isInThatLanguage() {
        try (TestWeb web = TestWeb.start()) {
            assertThat(web.get("/nothing?lang=pt-BR", "en").body()).contains(WebText.NOT_FOUND_TITLE.pt());
        }
    }

    @Test
    void wrongMethod_isA405PageWithAllow() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> page = web.send(web.request("/").header("Accept-Language", "en")
                    .method("PUT", HttpRequest.BodyPublishers.noBody()));

            assertThat(page.statusCode()).isEqualTo(405);
            assertThat(page.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(page.body()).contains(WebText.METHOD_NOT_ALLOWED_TEXT.format(Lang.EN, "PUT"));
        }
    }

    @Test
    void headersPastTheLimit_areA431Page() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> page = web.send(web.request("/").header("X-Padding", "x".repeat(10_000)));

            assertThat(page.statusCode()).isEqualTo(431);
            assertThat(page.body()).contains("<html lang=\"en\">")
                    .contains(WebText.HEADERS_TOO_LARGE_TEXT.format(Lang.EN, WebConfig.DEFAULT_MAX_HEADER_BYTES));
        }
    }

    @Test
    void addressPastTheHeaderLimit_isA414Page() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> page = web.get("/" + "x".repeat(10_000));

            assertThat(page.statusCode()).isEqualTo(414);
            assertThat(page.body()).contains(WebText.URI_TOO_LONG_TITLE.en());
        }
    }

    @Test
    void bodyPastTheLimit_isA413PageBeforeAnyHandler() {
        try (TestWeb web = TestWeb.start(config -> config.withLimits(8 * 1024, 1024, 100), routes -> routes)) {
            HttpResponse<String> page = web.send(web.request("/check-in").header("Accept-Language", "pt-BR")
                    .POST(HttpRequest.BodyPublishers.ofString("matricula=" + "1".repeat(2_000))));

            assertThat(page.statusCode()).isEqualTo(413);
            assertThat(page.body()).contains("<html lang=\"pt-BR\">")
                    .contains(WebText.TOO_LARGE_TEXT.format(Lang.PT_BR, 1024));
        }
    }

    @Test
    void bodyWithoutLengthPastTheLimit_failsTheFormReadWith413() {
        try (TestWeb web = TestWeb.start(config -> config.withLimits(8 * 1024, 1024, 100),
                routes -> routes.post("/form", ErrorPagesTest::countFields))) {
            byte[] form = ("matricula=" + "1".repeat(2_000)).getBytes(StandardCharsets.US_ASCII);
            HttpResponse<String> page = web.send(web.request("/form")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));

            assertThat(page.statusCode()).isEqualTo(413);
            assertThat(page.body()).contains(WebText.TOO_LARGE_TITLE.en());
        }
    }

    @Test
    void failingHandler_isA500PageThatShowsNoDetail() {
        Request.Handler failing = (request, response, callback) -> {
            throw new IllegalStateException("secret detail");
        };
        try (TestWeb web = TestWeb.start(config -> config, routes -> routes.get("/fail", failing))) {
            HttpResponse<String> page = web.get("/fail", "pt-BR");

            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains(WebText.INTERNAL_TITLE.pt()).doesNotContain("secret detail")
                    .doesNotContain("IllegalStateException");
        }
    }

    private static boolean countFields(Request request, Response response, Callback callback) throws Exception {
        Fields fields = FormFields.getFields(request);
        response.write(true, StandardCharsets.UTF_8.encode(Integer.toString(fields.getSize())), callback);
        return true;
    }
}
