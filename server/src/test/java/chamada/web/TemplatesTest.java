package chamada.web;

import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precompiled templates: escaping, the error summary, an error page for every status in both
 * languages, and nothing inline that the Content-Security-Policy would block.
 */
class TemplatesTest {

    private static final String SCRIPT = "<script>alert('x')</script>";

    private final Pages pages = new Pages(Lang.EN);

    @Test
    void checkInForm_withScriptInValuesAndErrors_rendersItEscaped() {
        CheckInForm form = new CheckInForm(SCRIPT, "\"><script>alert(1)</script>", "1",
                List.of(new FieldError(CheckInForm.CLASS, SCRIPT)));

        String html = render("check-in.jte", new Page(Lang.EN), Map.of("form", form));

        assertThat(html).doesNotContain("<script>alert").doesNotContain("\"><script>")
                .contains("value=\"&lt;script>alert(&#39;x&#39;)&lt;/script>\"")
                .contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\"")
                .contains("<a href=\"#class\">&lt;script&gt;alert('x')&lt;/script&gt;</a>");
    }

    @Test
    void checkInForm_withErrors_summarizesThemFirstAndLinksEachField() {
        CheckInForm form = new CheckInForm("", "12a", "", List.of(
                new FieldError(CheckInForm.CLASS, "Type the class number."),
                new FieldError(CheckInForm.MATRICULA, "Type digits only.")));

        String html = render("check-in.jte", new Page(Lang.EN), Map.of("form", form));

        assertThat(html.indexOf("class=\"error-summary\"")).isLessThan(html.indexOf("<h1"));
        assertThat(html).contains("<a href=\"#class\">Type the class number.</a>")
                .contains("<a href=\"#matricula\">Type digits only.</a>")
                .containsPattern("id=\"matricula-error\"><span class=\"visually-hidden\">Error:</span> Type digits only.")
                .contains("aria-describedby=\"matricula-hint matricula-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"12a\"");
        assertThat(html).containsPattern("id=\"code\"[^>]*aria-describedby=\"code-hint\"")
                .doesNotContainPattern("id=\"code\"[^>]*aria-invalid");
    }

    @Test
    void checkInForm_withoutErrors_hasNoSummary() {
        String html = render("check-in.jte", new Page(Lang.PT_BR), Map.of("form", CheckInForm.empty()));

        assertThat(html).doesNotContain("error-summary").doesNotContain("aria-invalid")
                .contains(WebText.CHECK_IN_HEADING.pt());
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void errorPage_forEveryStatus_isInTheLanguageAsked(Lang lang) {
        for (int status : new int[] {400, 403, 404, 405, 413, 414, 431, 500, 501, 503, 408}) {
            Page page = new Page(lang);
            ErrorView view = ErrorView.of(status, "PUT", page, WebConfig.forTests());

            String html = render("error.jte", page, Map.of("error", view));

            assertThat(html).as("status %d", status).contains("<html lang=\"" + lang.tag() + "\">")
                    .contains("<title>" + view.title() + " – Chamada</title>")
                    .contains(WebText.ERROR_STATUS.format(lang, status))
                    .contains(WebText.ERROR_START_LINK.format(lang))
                    .doesNotContain("{0}");
        }
    }

    /** Every page rendered here must pass the Content-Security-Policy: no inline script, style or handler. */
    private String render(String template, Page page, Map<String, Object> params) {
        String html = new String(pages.render(template, page, params), StandardCharsets.UTF_8);
        assertThat(html).as(template).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
        return html;
    }
}
