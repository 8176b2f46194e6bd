package chamada.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser fixture end to end: Debian's Chromium, shared by the class, shows a page with a QR
 * code drawn by {@link QrCodeSvg}, and ZXing reads back from screenshots what was encoded. The
 * page comes from the JDK's own HTTP server on 127.0.0.1, port 0, one per test.
 */
class BrowserFixtureTest {

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser(WindowSize.PHONE);

    /** What the web front's codes will hold: the address of a class's check-in page. */
    private static final String CHECK_IN_URL = "https://chamada.example/checkin/1010";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private HttpServer server;

    @BeforeEach
    void servePage() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", BrowserFixtureTest::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void qrCode_elementScreenshotAtPhoneSize_decodesToTheEncodedText(Browser browser) throws IOException {
        browser.driver().get(pageUrl());
        WebElement qr = browser.driver().findElement(By.cssSelector("svg"));

        Path shot = browser.screenshot("fixture-qr-phone", qr);

        assertThat(QrDecoder.decode(shot)).isEqualTo(CHECK_IN_URL);
        assertThat(Files.readAllBytes(shot)).startsWith(PNG_SIGNATURE);
    }

    @Test
    void screenshot_atPhoneSize_isA360x740PngInTargetScreenshots(Browser browser) throws IOException {
        browser.driver().get(pageUrl());

        Path shot = browser.screenshot("fixture-page-phone");

        assertThat(shot).isEqualTo(Path.of("server/target/screenshots/fixture-page-phone.png"));
        assertThat(Files.readAllBytes(shot)).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(360, 740);
    }

    @Test
    void qrCode_wholePageAtProjectorSize_decodesToTheEncodedText(Browser browser) {
        browser.resize(WindowSize.PROJECTOR);
        browser.driver().get(pageUrl());

        assertThat(viewport(browser)).isEqualTo("1920x1080");
        assertThat(QrDecoder.decode(browser.screenshot("fixture-page-projector"))).isEqualTo(CHECK_IN_URL);
    }

    @Test
    void reset_afterAPageKeptCookiesAndStorage_forgetsThemAndTheSize(Browser browser) {
        browser.resize(WindowSize.PROJECTOR);
        browser.driver().get(pageUrl());
        script(browser, "document.cookie = 'matricula=042191010'; localStorage.setItem('matricula', '042191010')");

        browser.reset(WindowSize.PHONE);

        assertThat(browser.driver().getCurrentUrl()).isEqualTo("about:blank");
        browser.driver().get(pageUrl());
        assertThat(script(browser, "return document.cookie")).isEqualTo("");
        assertThat(script(browser, "return localStorage.getItem('matricula')")).isNull();
        assertThat(viewport(browser)).isEqualTo("360x740");
    }

    private String pageUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static Object viewport(Browser browser) {
        return script(browser, "return innerWidth + 'x' + innerHeight");
    }

    private static Object script(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    /** The page at "/", as the web front will show a code: inline SVG, sized by CSS; nothing elsewhere. */
    private static void answer(HttpExchange exchange) throws IOException {
        boolean page = exchange.getRequestURI().getPath().equals("/");
        byte[] body = (page ? """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Check in to class 1010</title>
                <style>body { margin: 0; font-family: sans-serif; } main { padding: 16px; }
                svg { display: block; width: 100%%; max-width: 480px; }</style>
                </head>
                <body><main><h1>Class 1010</h1><p>Scan to check in.</p>
                <figure role="img" aria-label="QR code of %s">%s</figure></main></body>
                </html>
                """.formatted(CHECK_IN_URL, QrCodeSvg.render(CHECK_IN_URL)) : "not found")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", page ? "text/html; charset=utf-8" : "text/plain");
        exchange.sendResponseHeaders(page ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
