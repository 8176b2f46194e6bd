package chamada.web;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven by Selenium, for tests that use the web front as a person would:
 * at a phone's or a projector's size, with screenshots to look at and QR codes to read back
 * ({@link QrDecoder}). Starting one takes seconds, so a test class shares one through
 * {@link SharedBrowser}; a test that needs its own uses {@link #start(WindowSize)} in a
 * try-with-resources. Used by one test thread at a time, as WebDriver requires.
 */
public final class Browser implements AutoCloseable {

    /** Where screenshots go, from the repository's top, the tests' working directory. */
    static final Path SCREENSHOTS = Path.of("server", "target", "screenshots");

    // Selenium warns at every start that it has no CDP classes for this Chromium's version.
    // These tests use none (executeCdpCommand goes through ChromeDriver), so the warning is noise.
    // The field holds the logger because java.util.logging forgets the level of one nobody holds.
    private static final Logger CDP_VERSION_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    /** How long Chromium may take to exit once its driver has quit. */
    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    /** The browser's own directory, deleted on close: its profile, temporary files and caches. */
    private final Path home;

    private Browser(ChromeDriver driver, Path home) {
        this.driver = driver;
        this.home = home;
    }

    /** Starts Debian's Chromium at {@code size}; skips the calling test, saying why, if it is not installed. */
    public static Browser start(WindowSize size) {
        return start(BrowserBinaries.DEBIAN, size);
    }

    /** Starts the Chromium of {@code binaries} at {@code size}; skips the calling test, saying why, if either is missing. */
    static Browser start(BrowserBinaries binaries, WindowSize size) {
        binaries.assumeInstalled();
        Path home = createHome();
        ChromeDriver driver;
        try {
            // Chromium writes its singleton socket to TMPDIR, crash reports under XDG_CONFIG_HOME
            // and dconf's cache under XDG_CACHE_HOME: all in home, so nothing is left behind.
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(binaries.chromedriver().toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("TMPDIR", home.toString(),
                            "XDG_CONFIG_HOME", home.resolve("config").toString(),
                            "XDG_CACHE_HOME", home.resolve("cache").toString()))
                    .withLogOutput(OutputStream.nullOutputStream())
                    .build();
            ChromeOptions options = new ChromeOptions().setBinary(binaries.chromium().toFile());
            options.addArguments(ChromiumFlags.ALL);
            options.addArguments("--user-data-dir=" + home.resolve("profile"));
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            delete(home);
            throw e;
        }
        Browser browser = new Browser(driver, home);
        try {
            browser.resize(size);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    /** The WebDriver to drive the browser with. */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Gives the page a viewport of exactly {@code size}, as a phone's or a desktop's. It holds
     * for this tab, across pages, until the next resize.
     */
    public void resize(WindowSize size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width(), "height", size.height(), "deviceScaleFactor", 1, "mobile", size.mobile()));
    }

    /**
     * Puts the browser back as {@link #start} left it, between tests that share it: a blank page,
     * no cookies, nothing stored by the page it showed, and a viewport of {@code size}.
     */
    void reset(WindowSize size) {
        String origin = String.valueOf(driver.executeScript("return location.origin"));
        driver.get("about:blank");
        // Cookies ignore ports, so they would follow a test to the next test's server: all go.
        // Storage is per origin, port included, and a fresh test server has a fresh port, so only
        // the last page's origin can be seen again: by the next test of a class sharing a server.
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        if (origin.startsWith("http")) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        resize(size);
    }

    /**
     * Leaves the page for a blank one and closes every connection the browser keeps open, as a
     * phone leaving the classroom would: a server's graceful stop then has no idle keep-alive
     * connection to wait for (Jetty gives each a second or two). Call it before stopping the
     * server a test used.
     */
    public void leave() {
        driver.get("about:blank");
        driver.executeScript("chrome.benchmarking.closeConnections()");
    }

    /** Lets the pages download files, which then go to {@code folder} without a question asked. */
    public void downloadTo(Path folder) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", folder.toAbsolutePath().toString()));
    }

    /** Saves what the viewport shows as {@code server/target/screenshots/NAME.png}; returns the file. */
    public Path screenshot(String name) {
        return save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves what {@code element} shows, scrolled into view, as {@code server/target/screenshots/NAME.png}; returns the file. */
    public Path screenshot(String name, WebElement element) {
        return save(name, element.getScreenshotAs(OutputType.BYTES));
    }

    private static Path save(String name, byte[] png) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a screenshot name is letters, digits, '.', '_' and '-', not: " + name);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Quits Chromium and its driver, and deletes the browser's directory. */
    @Override
    public void close() {
        Optional<ProcessHandle> chromium = ProcessHandle.of(((Number) driver.getCapabilities()
                .getCapability("goog:processID")).longValue());
        driver.quit();
        // Chromium may still be writing its profile after the driver has quit: wait, then delete.
        chromium.ifPresent(process -> process.onExit().orTimeout(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS).join());
        delete(home);
    }

    private static Path createHome() {
        try {
            return Files.createTempDirectory("chamada-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the browser", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the browser's directory " + directory, e);
        }
    }
}
