package chamada.web;

import chamada.i18n.Lang;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.Matricula;
import chamada.server.legacy.LegacyConfig;
import chamada.server.legacy.LegacyPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector page in a projector-sized Chromium, logged in as the teacher: readable at a
 * glance, live within a second of a check-in from the native port and from the seeds' legacy
 * port, and its QR code a phone's link to the check-in page with the class and the code filled.
 */
class ProjectorBrowserTest {

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PROJECTOR, WindowSize.PHONE);

    /** The promise: on the projector "within 1 s of a check-in from any protocol". */
    private static final Duration LIVE = Duration.ofSeconds(1);
    /** How long a test waits for it before failing, so that a slow run says how slow. */
    private static final Duration LIVE_WAIT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Classroom classroom;

    @BeforeEach
    void start(Browser projector, Browser phone) {
        // The legacy ports on, as a school still using the seeds' student.py has them.
        classroom = Classroom.start(dir, config -> config.withLegacy(LegacyConfig.forTests(dir.resolve("legacy-files"))),
                projector, phone);
    }

    @AfterEach
    void stop() {
        if (classroom != null) { // null when the browsers could not start
            classroom.close();
        }
    }

    @Test
    void projectorPage_onAFullHdScreen_showsCodeQrCodeAndCountWithoutScrolling(Browser projector) {
        classroom.logInAndOpen(projector, CodePolicy.ROTATING.wire());

        classroom.project(projector);

        Map<?, ?> layout = (Map<?, ?>) script(projector, """
                var code = document.getElementById("code");
                function bottom(id) { return document.getElementById(id).getBoundingClientRect().bottom; }
                return {codeLines: code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).fontSize),
                        qrBottom: bottom("qr"), countBottom: bottom("count"), height: innerHeight,
                        scrollWidth: document.documentElement.scrollWidth, width: innerWidth};
                """);
        assertThat(((Number) layout.get("codeLines")).doubleValue()).as("the code's height in lines of its type").isLessThan(1.5);
        assertThat(((Number) layout.get("qrBottom")).doubleValue()).as("the QR code's bottom")
                .isLessThanOrEqualTo(((Number) layout.get("height")).doubleValue());
        assertThat(((Number) layout.get("countBottom")).doubleValue()).as("the count's bottom")
                .isLessThanOrEqualTo(((Number) layout.get("height")).doubleValue());
        assertThat(((Number) layout.get("scrollWidth")).longValue()).isLessThanOrEqualTo(((Number) layout.get("width")).longValue());
    }

    @Test
    void nativeCheckIn_showsMaskedOnTheProjector_withinASecond(Browser projector) {
        classroom.logInAndOpen(projector, CodePolicy.ROTATING.wire());
        classroom.project(projector);
        String code = projector.driver().findElement(By.id("code")).getText().replace(" ", "");

        Duration shown = timeUntilShown(projector, "••••••010", 1, () -> {
            try (var student = classroom.server().client()) {
                assertThat(student.checkIn(new Matricula("042191010"), Classroom.CLASS, Optional.of(code)))
                        .isInstanceOf(chamada.protocol.Response.CheckedIn.class);
            }
        });

        assertThat(shown).as("from the check-in call to the projector showing it, in %d ms", shown.toMillis()).isLessThanOrEqualTo(LIVE);
        assertThat(projector.driver().findElement(By.id("latest")).getText()).doesNotContain("042191010");
    }

    /** The seeds' student.py sends no code, so its roll call asks for none: the teacher opens it so. */
    @Test
    void legacyCheckIn_showsMaskedOnTheProjector_withinASecond(Browser projector) {
        classroom.logInAndOpen(projector, CodePolicy.NONE.wire());
        classroom.project(projector);
        int port = classroom.server().server().legacy().orElseThrow().address(LegacyPort.ROLL_CALL).getPort();

        String[] reply = new String[1];
        Duration shown = timeUntilShown(projector, "••••••010", 1, () -> reply[0] = legacyCheckIn(port, "042191010/1010,student"));

        assertThat(shown).as("from the legacy check-in to the projector showing it, in %d ms", shown.toMillis()).isLessThanOrEqualTo(LIVE);
        assertThat(reply[0]).isEqualTo("Presença registrada com sucesso na turma 1010 em "
                + DateTimeFormatter.ofPattern("dd/MM/yyyy 'às' HH:mm")
                .format(OffsetDateTime.ofInstant(classroom.clock().instant(), classroom.clock().getZone())) + "!");
    }

    @Test
    void qrCode_readByAPhone_opensTheCheckInPageWithTheClassAndTheCurrentCode(Browser projector, Browser phone)
            throws IOException {
        classroom.logInAndOpen(projector, CodePolicy.ROTATING.wire());
        classroom.project(projector);
        String code = projector.driver().findElement(By.id("code")).getText().replace(" ", "");
        // The script swaps the QR code in when a code comes: read it once it holds the code shown.
        Classroom.waitFor(projector).until(ExpectedConditions.attributeToBe(By.id("qr"), "data-code",
                projector.driver().findElement(By.id("code")).getText().replace(" ", "")));

        URI link = URI.create(QrDecoder.decode(projector.screenshot("projector-qr", projector.driver().findElement(By.id("qr")))));
        phone.driver().get(link.toString());
        String classShown = phone.driver().findElement(By.id("class")).getDomProperty("value");
        String codeShown = phone.driver().findElement(By.id("code")).getDomProperty("value");
        Classroom.checkIn(phone, null, null, "042191010", null);

        assertThat(link.getScheme()).isEqualTo("http");
        // A phone cannot open the teacher's 127.0.0.1; a server listening on loopback only, as
        // here, has no other address to give.
        assertThat(InetAddress.getByName(link.getHost()).isLoopbackAddress()
                || StudentAddresses.reachable(InetAddress.getByName("0.0.0.0")).contains(InetAddress.getByName(link.getHost())))
                .as("%s is this machine's", link.getHost()).isTrue();
        assertThat(link.getPort()).isEqualTo(URI.create(classroom.url("/")).getPort());
        assertThat(link.getPath() + "?" + link.getQuery()).isEqualTo("/c/1010?code=" + code);
        assertThat(List.of(classShown, codeShown)).containsExactly("1010", code);
        assertThat(phone.driver().findElement(By.id("result")).getText())
                .isEqualTo("Attendance registered in class 1010 at " + classroom.now() + ".");
    }

    /**
     * Runs {@code checkIn} and waits until the projector's latest arrivals show {@code masked}
     * and its count says {@code count}; returns the time from just before the check-in to the
     * first look that saw both. Each look is one script, a few milliseconds apart, so the time
     * is at most that much late.
     */
    private static Duration timeUntilShown(Browser projector, String masked, int count, Runnable checkIn) {
        String present = WebText.PRESENT_COUNT.format(Lang.EN, count);
        WebDriverWait wait = new WebDriverWait(projector.driver(), LIVE_WAIT, Duration.ofMillis(5));
        assertThat(script(projector, "return document.getElementById('latest').textContent")).asString().doesNotContain(masked);
        long start = System.nanoTime();
        checkIn.run();
        wait.until(driver -> {
            List<?> texts = (List<?>) script(projector, "return [document.getElementById('latest').textContent,"
                    + " document.getElementById('count').textContent]");
            return String.valueOf(texts.get(0)).contains(masked) && present.equals(String.valueOf(texts.get(1)).strip());
        });
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Sends one message to the legacy roll-call port as the seed's student.py does, and reads its reply, which ends with '!'. */
    private static String legacyCheckIn(int port, String message) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                reply.write(b);
                if (b == '!') {
                    break;
                }
            }
            return reply.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object script(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
