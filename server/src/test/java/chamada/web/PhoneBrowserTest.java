package chamada.web;

import chamada.i18n.Lang;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.CodePolicy;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The phone page in a phone-sized Chromium, as a student uses it: with the code read off the
 * projector (the teacher's own browser, at a projector's size, with its own cookies), and
 * refused, in the error summary that takes the focus, for an expired or a wrong code, for a
 * second student on one phone, for a post from another site's page; what was typed comes back
 * as text. Screenshots of the page, its answer and the projector go to {@code server/target/screenshots}.
 */
class PhoneBrowserTest {

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PHONE, WindowSize.PROJECTOR);

    @TempDir
    Path dir;

    private Classroom classroom;

    @BeforeEach
    void start(Browser phone, Browser projector) {
        classroom = Classroom.start(dir, phone, projector);
    }

    @AfterEach
    void stop() {
        if (classroom != null) { // null when the browsers could not start
            classroom.close();
        }
    }

    @Test
    void checkIn_withTheCodeReadFromTheProjector_showsTheClisSentence(Browser phone, Browser projector) {
        classroom.logInAndOpen(projector, CodePolicy.ROTATING.wire());
        classroom.project(projector);
        String shown = projector.driver().findElement(By.id("code")).getText();

        phone.driver().get(classroom.url("/"));
        phone.screenshot("phone-check-in");
        Classroom.checkIn(phone, null, "1010", "042191010", shown.replace(" ", ""));

        assertThat(shown).matches("\\d{3} \\d{3}");
        assertThat(phone.driver().findElement(By.id("result")).getText())
                .isEqualTo("Attendance registered in class 1010 at " + classroom.now() + ".");
        assertThat(pageWidth(phone)).as("the page fits a 360 px phone without sideways scrolling").isLessThanOrEqualTo(360L);
        phone.screenshot("phone-checked-in");
        Classroom.waitFor(projector).until(ExpectedConditions.textToBe(By.id("count"), WebText.PRESENT_COUNT.format(Lang.EN, 1)));
        projector.screenshot("projector");
        assertThat(classroom.present()).containsExactly("042191010");
    }

    @Test
    void checkIn_withACodePastItsPeriodAndGrace_isRefusedInTheFocusedErrorSummary(Browser phone) {
        openOnTheNativePort(CodePolicy.ROTATING);
        String code = classroom.code();
        phone.driver().get(classroom.url("/"));
        Classroom.type(phone.driver(), "class", "1010");
        Classroom.type(phone.driver(), "matricula", "042191010");
        Classroom.type(phone.driver(), "code", code);

        // The student was slow: the code has turned, and the previous one's grace has run out too.
        classroom.clock().advance(CheckInRules.DEFAULT_PERIOD.plus(CheckInRules.DEFAULT_GRACE).plusSeconds(1));
        Classroom.send(phone);

        assertRefused(phone, "code", "Class 0: that is not the check-in code of class 1010 now (it changes every few"
                + " seconds); type the one shown in the classroom. Refused at " + classroom.now() + ".");
        assertThat(phone.driver().findElement(By.id("code")).getDomProperty("value")).as("the stale code, cleared").isEmpty();
        phone.screenshot("phone-refused");
        assertThat(classroom.present()).isEmpty();
    }

    @Test
    void checkIn_withAWrongCode_isRefusedInTheFocusedErrorSummary(Browser phone) {
        openOnTheNativePort(CodePolicy.FIXED);
        String code = classroom.code();
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        Classroom.checkIn(phone, classroom.url("/"), "1010", "042191010", wrong);

        assertRefused(phone, "code", "Class 0: that is not the check-in code of class 1010 now (it changes every few"
                + " seconds); type the one shown in the classroom. Refused at " + classroom.now() + ".");
        assertThat(classroom.present()).isEmpty();
    }

    @Test
    void secondMatricula_fromOnePhone_pastTheTwoMinutesForATypo_isRefused(Browser phone) {
        openOnTheNativePort(CodePolicy.NONE);
        Classroom.checkIn(phone, classroom.url("/"), "1010", "042191010", null);
        assertThat(phone.driver().findElement(By.id("result")).getText()).startsWith("Attendance registered");

        classroom.clock().advance(Duration.ofMinutes(3));
        phone.driver().get(classroom.url("/"));
        String remembered = phone.driver().findElement(By.id("matricula")).getDomProperty("value");
        Classroom.checkIn(phone, null, "1010", "205182055", null);

        assertThat(remembered).as("the matrícula this phone sent last").isEqualTo("042191010");
        assertRefused(phone, "matricula", "Class 0: this device already checked in another student in class 1010;"
                + " each student checks in from their own device. Refused at " + classroom.now() + ".");
        assertThat(classroom.present()).containsExactly("042191010");
    }

    /**
     * The other site is another port of 127.0.0.1: another origin but, for cookies, the same
     * site, so the browser still sends Chamada's {@code SameSite=Strict} cookies with its post.
     * What stops it is then the form token alone, which that page can neither read nor guess.
     */
    @Test
    void checkInPost_fromAPageOfAnotherOrigin_isRefused(Browser phone) throws IOException {
        openOnTheNativePort(CodePolicy.NONE);
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>Free pizza</title><p>Loading…</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        other.start();
        try {
            // The student has used Chamada on this phone: it holds a device id and a form token.
            phone.driver().get(classroom.url("/"));
            phone.driver().get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            ((JavascriptExecutor) phone.driver()).executeScript("""
                    var form = document.createElement("form");
                    form.method = "post";
                    form.action = arguments[0];
                    var fields = {class: "1010", matricula: "042191010", code: "", form_token: "AAAAAAAAAAAAAAAAAAAAAA"};
                    for (var name in fields) {
                      var input = document.createElement("input");
                      input.type = "hidden";
                      input.name = name;
                      input.value = fields[name];
                      form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();
                    """, classroom.url("/check-in"));
            Classroom.waitFor(phone).until(ExpectedConditions.urlToBe(classroom.url("/check-in")));
        } finally {
            other.stop(0);
        }

        assertThat(phone.driver().findElement(By.tagName("main")).getText())
                .contains(WebText.ERROR_STATUS.format(Lang.EN, 403)).contains(WebText.FORBIDDEN_TITLE.en());
        assertThat(classroom.present()).isEmpty();
    }

    /**
     * The issue asks for a teacher's name with {@code <script>} shown as text, but the teachers
     * file allows only letters, digits, '.', '_' and '-' in a name; what a visitor types and sees
     * again is the check-in form's fields, so the markup goes there. Typing stops at the class
     * field's 10 characters ({@code maxlength}), so the test sets it as a hostile visitor with the
     * browser's tools would. The Content-Security-Policy would stop an inline script even if it
     * were not escaped, so no alert alone proves little: the test looks for the element too.
     */
    @Test
    void classField_withAScriptElement_isEchoedAsText(Browser phone) {
        String markup = "<script>alert(1)</script>";
        phone.driver().get(classroom.url("/"));
        ((JavascriptExecutor) phone.driver()).executeScript("document.getElementById('class').value = arguments[0]",
                markup);
        Classroom.type(phone.driver(), "matricula", "042191010");
        Classroom.send(phone);

        WebElement summary = phone.driver().findElement(By.cssSelector(".error-summary"));
        assertThat(summary.getText()).contains("Invalid field class: \"" + markup + "\"");
        assertThat(phone.driver().findElement(By.id("class")).getDomProperty("value")).isEqualTo(markup);
        assertThat(phone.driver().findElements(By.cssSelector("main script"))).isEmpty();
        assertThatThrownBy(() -> phone.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private void openOnTheNativePort(CodePolicy policy) {
        assertThat(classroom.teacher().open(Classroom.CLASS, Optional.of(policy), false))
                .isInstanceOf(chamada.protocol.Response.Opened.class);
    }

    /** The error summary shows {@code sentence}, linked to {@code field}, and has the focus, so it is read first. */
    private static void assertRefused(Browser phone, String field, String sentence) {
        WebDriver driver = phone.driver();
        WebElement summary = driver.findElement(By.cssSelector(".error-summary"));
        Classroom.waitFor(phone).until(d -> summary.equals(d.switchTo().activeElement()));
        WebElement link = summary.findElement(By.cssSelector(".error-summary-list a"));
        assertThat(link.getText()).isEqualTo(sentence);
        assertThat(link.getDomAttribute("href")).isEqualTo("#" + field);
    }

    private static long pageWidth(Browser browser) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth");
    }
}
