package chamada.web;

import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-in page a phone opens, in the visitor's language. */
class CheckInPageTest {

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pt-BR,pt;q=0.9,en;q=0.8 | pt-BR
            pt                      | pt-BR
            pt-PT                   | pt-BR
            en-US,en;q=0.9          | en
            en-GB                   | en
            fr-FR, en;q=0.5         | en
            en;q=0.4, pt;q=0.6      | pt-BR
            de, fr                  | en
            pt;q=0, en              | en
            """)
    void page_byAcceptLanguage_isInTheFirstLanguageTheBrowserPrefersThatExists(String header, String expected) {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> page = web.get("/", header);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"" + expected + "\">");
            assertThat(page.headers().firstValue("Content-Language")).hasValue(expected);
            Lang lang = Lang.parse(expected).orElseThrow();
            assertThat(page.body()).contains(WebText.CHECK_IN_HEADING.format(lang));
        }
    }

    @Test
    void page_withoutAcceptLanguage_isInTheServerDefault() {
        try (TestWeb web = TestWeb.start(config -> config.withLang(Lang.PT_BR), routes -> routes)) {
            assertThat(web.get("/").body()).contains("<html lang=\"pt-BR\">")
                    .contains(WebText.CHECK_IN_BUTTON.pt());
        }
    }

    @Test
    void page_withLangSwitch_isInThatLanguageAndRemembersItInAStrictHttpOnlyCookie() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> switched = web.get("/?lang=pt-BR", "en");

            assertThat(switched.body()).contains("<html lang=\"pt-BR\">").contains(WebText.CHECK_IN_HEADING.pt());
            String cookie = langCookie(switched).orElseThrow();
            assertThat(cookie).startsWith("lang=pt-BR").containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict").containsIgnoringCase("Path=/");

            HttpResponse<String> later = web.send(web.request("/").header("Accept-Language", "en")
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))));
            assertThat(later.body()).contains("<html lang=\"pt-BR\">");
            assertThat(langCookie(later)).isEmpty();
        }
    }

    /** The language cookie a response sets, among the device and form cookies every phone page sets. */
    private static java.util.Optional<String> langCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("lang=")).findFirst();
    }

    @Test
    void page_withAnUnknownLangSwitch_followsTheBrowserAndSetsNoCookie() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> page = web.get("/?lang=xx", "pt-BR");

            assertThat(page.body()).contains("<html lang=\"pt-BR\">");
            assertThat(langCookie(page)).isEmpty();
        }
    }

    @Test
    void page_languageSwitch_linksBothLanguagesAndMarksTheCurrentOne() {
        try (TestWeb web = TestWeb.start()) {
            String body = web.get("/", "en").body();

            assertThat(body).contains("<a href=\"?lang=pt-BR\" lang=\"pt-BR\" hreflang=\"pt-BR\">Português</a>")
                    .contains("<a href=\"?lang=en\" lang=\"en\" hreflang=\"en\" aria-current=\"true\">English</a>");
        }
    }

    @Test
    void page_form_postsNumericFieldsWithLabelsAndAOneTimeCode() {
        try (TestWeb web = TestWeb.start()) {
            String body = web.get("/", "en").body();

            assertThat(body).contains("<form class=\"form\" method=\"post\" action=\"/check-in\" novalidate>");
            for (String field : new String[] {"class", "matricula", "code"}) {
                assertThat(body).contains("<label class=\"label\" for=\"" + field + "\">")
                        .containsPattern("<input [^>]*id=\"" + field + "\" name=\"" + field
                                + "\" type=\"text\" inputmode=\"numeric\" pattern=\"\\[0-9\\]\\*\"");
            }
            assertThat(body).containsPattern("id=\"code\"[^>]*autocomplete=\"one-time-code\"")
                    .containsPattern("id=\"matricula\"[^>]*data-remember=\"matricula\"")
                    .doesNotContain("type=\"number\"")
                    .doesNotContain("style=")
                    .doesNotContainPattern("<script>")
                    .contains("<script src=\"/assets/chamada.js\" defer></script>")
                    .contains("<link rel=\"stylesheet\" href=\"/assets/chamada.css\">")
                    .contains("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">");
        }
    }

    @Test
    void page_isHtmlThatNoCacheKeeps() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> page = web.get("/");

            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void page_head_answersWithoutABody() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> head = web.send(web.request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    void checkIn_post_isNotReadyYet() {
        try (TestWeb web = TestWeb.start()) {
            HttpResponse<String> reply = web.send(web.request("/check-in").header("Accept-Language", "pt-BR")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("class=1010&matricula=042191010&code=123456")));

            assertThat(reply.statusCode()).isEqualTo(501);
            assertThat(reply.body()).contains("<html lang=\"pt-BR\">").contains(WebText.NOT_READY_TITLE.pt());
        }
    }
}
