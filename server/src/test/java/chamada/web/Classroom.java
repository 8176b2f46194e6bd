package chamada.web;

import chamada.client.ChamadaClient;
import chamada.i18n.HumanTime;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.server.ServerConfig;
import chamada.server.WebFront;
import chamada.teachers.PasswordHash;
import chamada.testing.MutableClock;
import chamada.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A classroom for browser tests: a real server with the web front and one teacher, {@code ana},
 * whose clock stands still until the test moves it (so codes turn only when told), and what
 * people do with its pages in a browser: the teacher logs in and opens class 1010, puts the
 * projector page up, a phone checks in.
 *
 * <p>The clock starts at the real time, so that the projector's countdown, which the page counts
 * with the browser's own clock, shows what a classroom would see.
 */
final class Classroom implements AutoCloseable {

    static final ClassId CLASS = new ClassId(1010);
    static final String TEACHER = "ana";
    static final String SECRET = "s3cret";
    /** Long enough for a page to load and a form to be sent on a loaded machine. */
    static final Duration PAGE_WAIT = Duration.ofSeconds(10);
    private static final int CHEAP_ITERATIONS = 1_000;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS),
            ZoneId.of("America/Sao_Paulo"));
    private final TestServer server;
    /** The browsers the test uses on this classroom's pages, which leave before the server stops. */
    private final List<Browser> browsers;
    /** Connected at the first use; used by the test's thread only. */
    private ChamadaClient teacher;

    private Classroom(Path dir, UnaryOperator<ServerConfig> customize, List<Browser> browsers) {
        this.browsers = List.copyOf(browsers);
        Path teachers = dir.resolve("teachers.txt");
        try {
            Files.writeString(teachers, TEACHER + ":" + cheapHash(SECRET) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = TestServer.start(dir, config -> customize.apply(config.withTeachersFile(teachers)
                .withWeb(new WebFront(WebConfig.forTests()))), clock);
    }

    /** A classroom whose database is in {@code dir}, visited by {@code browsers}. */
    static Classroom start(Path dir, Browser... browsers) {
        return new Classroom(dir, config -> config, List.of(browsers));
    }

    /** As {@link #start(Path, Browser...)}, with the server config also changed by {@code customize} (e.g. legacy ports on). */
    static Classroom start(Path dir, UnaryOperator<ServerConfig> customize, Browser... browsers) {
        return new Classroom(dir, customize, List.of(browsers));
    }

    MutableClock clock() {
        return clock;
    }

    TestServer server() {
        return server;
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    String url(String path) {
        return server.webBase() + path;
    }

    /**
     * The teacher's native client, logged in once, as {@code chamada teacher} with
     * {@code --name ana} is; it stays connected until the classroom closes.
     */
    ChamadaClient teacher() {
        if (teacher == null) {
            ChamadaClient client = server.client();
            if (!(client.login(TEACHER, SECRET) instanceof Response.LoggedIn)) {
                client.close();
                throw new AssertionError("the teacher could not log in on the native port");
            }
            teacher = client;
        }
        return teacher;
    }

    /** The roll call of class 1010 as its teacher reads it on the native port. */
    Response.RollCallReply status() {
        Response reply = teacher().status(CLASS);
        if (reply instanceof Response.RollCallReply open) {
            return open;
        }
        throw new AssertionError("class 1010 is not open: " + reply);
    }

    /** The matrículas present in class 1010, in order of arrival, as the native {@code status} lists them. */
    List<String> present() {
        return status().rollCall().present().stream().map(CheckIn::matricula).map(m -> m.value()).toList();
    }

    /** The code class 1010 asks for now, as its teacher reads it on the native port. */
    String code() {
        return status().code().orElseThrow(() -> new AssertionError("class 1010 asks for no code")).code();
    }

    /** The time the server gives now, as people read it: {@code dd/MM/yyyy HH:mm:ss}. */
    String now() {
        return HumanTime.format(OffsetDateTime.ofInstant(clock.instant(), clock.getZone()));
    }

    /**
     * The teacher logs in on {@code browser} with the login form, opens class 1010 with the open
     * form and code policy {@code policy} ({@code rotating}, {@code fixed} or {@code none}), and
     * is left on the class's page.
     */
    void logInAndOpen(Browser browser, String policy) {
        logIn(browser);
        open(browser, policy);
    }

    /** The teacher, logged in and on the teacher's page on {@code browser}, opens class 1010 with code policy {@code policy}. */
    void open(Browser browser, String policy) {
        WebDriver driver = browser.driver();
        driver.findElement(By.id("class")).sendKeys(CLASS.toString());
        driver.findElement(By.cssSelector("label[for=policy-" + policy + "]")).click();
        driver.findElement(By.id("open")).click();
        waitFor(browser).until(ExpectedConditions.urlToBe(url("/classes/" + CLASS)));
    }

    /** The teacher logs in on {@code browser} with the login form, and is left on the teacher's page. */
    void logIn(Browser browser) {
        WebDriver driver = browser.driver();
        driver.get(url("/teacher"));
        driver.findElement(By.id("name")).sendKeys(TEACHER);
        driver.findElement(By.id("secret")).sendKeys(SECRET);
        driver.findElement(By.cssSelector("form[action='/teacher/login'] button")).click();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("open")));
    }

    /** The teacher puts class 1010's projector page up on {@code browser}, and waits until it is live. */
    void project(Browser browser) {
        browser.driver().get(url("/classes/" + CLASS + "/projector"));
        waitUntilLive(browser);
    }

    /** Waits until the projector page on {@code browser} follows its roll call's events. */
    static void waitUntilLive(Browser browser) {
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("projector"), "data-live", "true"));
    }

    /**
     * A student on the phone {@code browser} fills the check-in page at {@code path} ({@code /}, or
     * a QR code's link), replacing what is there with whichever of {@code classNumber} and
     * {@code code} is not null and with {@code matricula}, sends it, and is left on the answer.
     */
    static void checkIn(Browser browser, String path, String classNumber, String matricula, String code) {
        WebDriver driver = browser.driver();
        if (path != null) {
            driver.get(path);
        }
        if (classNumber != null) {
            type(driver, "class", classNumber);
        }
        type(driver, "matricula", matricula);
        if (code != null) {
            type(driver, "code", code);
        }
        send(browser);
    }

    /** Clicks {@code button}, which leaves the page, and waits until the page it was on is gone. */
    static void clickToLeave(Browser browser, WebElement button) {
        button.click();
        // While the next page loads, ChromeDriver may answer about the old button with an error
        // other than "stale" ("node does not belong to the document"): asked again, it is stale.
        waitFor(browser).ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(button));
    }

    /** Sends the check-in form on {@code browser} with its button, and waits for the answer. */
    static void send(Browser browser) {
        clickToLeave(browser, browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result, .error-summary")));
    }

    static void type(WebDriver driver, String field, String text) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    static WebDriverWait waitFor(Browser browser) {
        return new WebDriverWait(browser.driver(), PAGE_WAIT);
    }

    /**
     * The teachers file's hash of {@code secret} with 1,000 PBKDF2 iterations rather than
     * {@code teacher add}'s 600,000: the file's format allows it, and each login of these tests
     * then takes a millisecond instead of a third of a second of a two-core machine.
     */
    private static String cheapHash(String secret) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(secret.toCharArray(), salt, CHEAP_ITERATIONS, 256)).getEncoded();
            return PasswordHash.SCHEME + "$" + CHEAP_ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        }
    }

    /** The browsers leave ({@link Browser#leave}), the teacher's client hangs up, the server stops. */
    @Override
    public void close() {
        try {
            browsers.forEach(Browser::leave);
            if (teacher != null) {
                teacher.close();
            }
        } finally {
            server.close();
        }
    }
}
