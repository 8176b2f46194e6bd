package chamada.web;

import chamada.application.Application;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.GuessLimits;
import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teacher's pages in Chromium, as the walkthrough goes: log in, open class 1010, put
 * the projector up, watch phones and the CLI check in, read the class's page, close; and the
 * projector's own close, which the whole room reads; the class's page when its code is guessed
 * at. The screenshots the README shows come from here: every page at the size it is used at, and
 * the class's page at a phone's too.
 */
class TeacherBrowserTest {

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PROJECTOR, WindowSize.PHONE);

    @TempDir
    Path dir;

    private Classroom classroom;

    @BeforeEach
    void start(Browser teacher, Browser phone) {
        classroom = Classroom.start(dir, teacher, phone);
    }

    @AfterEach
    void stop() {
        if (classroom != null) { // null when the browsers could not start
            classroom.close();
        }
    }

    @Test
    void teacher_opens1010_projectsIt_phoneAndCliCheckIn_andClosesWithTheList(Browser teacher, Browser phone) {
        teacher.driver().get(classroom.url("/teacher"));
        teacher.screenshot("teacher-login");
        classroom.logIn(teacher);
        teacher.screenshot("teacher-home");
        classroom.open(teacher, CodePolicy.ROTATING.wire());
        teacher.driver().findElement(By.id("projector")).click();
        Classroom.waitUntilLive(teacher);
        String code = teacher.driver().findElement(By.id("code")).getText().replace(" ", "");

        phone.driver().get(classroom.url("/"));
        phone.screenshot("check-in-phone");
        Classroom.checkIn(phone, null, "1010", "042191010", code);
        phone.screenshot("checked-in-phone");
        try (var cli = classroom.server().client()) {
            cli.checkIn(new Matricula("205182055"), Classroom.CLASS, Optional.of(code));
            cli.checkIn(new Matricula("42191010"), Classroom.CLASS, Optional.of(code));
        }
        Classroom.waitFor(teacher).until(ExpectedConditions.textToBe(By.id("count"), WebText.PRESENT_COUNT.format(Lang.EN, 3)));
        // The server's clock stood still while the page counted down with the browser's: the
        // screenshot is of a page loaded with both at the real time, as in a classroom.
        classroom.clock().advance(Duration.between(classroom.clock().instant(), Instant.now()));
        classroom.project(teacher);
        teacher.screenshot("projector-projector");

        teacher.driver().get(classroom.url("/classes/1010"));
        List<String> listed = column(teacher, 2);
        String linkColour = teacher.driver().findElement(By.id("projector")).getCssValue("color");
        teacher.screenshot("class-projector");
        teacher.resize(WindowSize.PHONE);
        teacher.screenshot("class-phone");
        teacher.resize(WindowSize.PROJECTOR);
        teacher.driver().findElement(By.id("close")).click();
        Classroom.waitFor(teacher).until(ExpectedConditions.urlToBe(classroom.url("/classes/1010/close")));
        teacher.screenshot("closed-projector");
        phone.resize(WindowSize.PROJECTOR);
        phone.driver().get(classroom.url("/"));
        phone.screenshot("check-in-projector");

        assertThat(listed).containsExactly("042191010", "205182055", "42191010");
        assertThat(linkColour).as("the projector link's text, white on the button's green").isEqualTo("rgba(255, 255, 255, 1)");
        assertThat(teacher.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Roll call of class 1010 closed at " + classroom.now() + ".");
        assertThat(teacher.driver().findElement(By.id("count")).getText()).isEqualTo(WebText.PRESENT_COUNT.format(Lang.EN, 3));
        assertThat(column(teacher, 2)).containsExactly("042191010", "205182055", "42191010");
        assertThat(teacher.driver().findElement(By.id("csv")).getDomAttribute("href")).isEqualTo("/classes/1010/export.csv");
    }

    /** A projected screen is public: closing there shows the count, and the list is a link to the class's page. */
    @Test
    void closeOnTheProjector_showsTheCountAndNoMatricula_andTheClassPageShowsThem(Browser teacher) {
        classroom.logInAndOpen(teacher, CodePolicy.NONE.wire());
        classroom.project(teacher);
        try (var cli = classroom.server().client()) {
            cli.checkIn(new Matricula("042191010"), Classroom.CLASS);
        }
        Classroom.waitFor(teacher).until(ExpectedConditions.textToBe(By.id("count"), WebText.PRESENT_COUNT.format(Lang.EN, 1)));

        teacher.driver().findElement(By.id("close")).click();
        Classroom.waitFor(teacher).until(ExpectedConditions.urlToBe(classroom.url("/classes/1010/close")));

        assertThat(teacher.driver().findElement(By.id("count")).getText()).isEqualTo(WebText.PRESENT_COUNT.format(Lang.EN, 1));
        assertThat(teacher.driver().findElement(By.tagName("main")).getText()).doesNotContain("042191010", "••••••010");
        teacher.driver().findElement(By.id("list")).click();
        Classroom.waitFor(teacher).until(ExpectedConditions.urlToBe(classroom.url("/classes/1010")));
        assertThat(column(teacher, 2)).containsExactly("042191010");
    }

    /**
     * What code guessing looks like to the people in the room: the class's page once so many wrong
     * codes came from elsewhere that the roll call is slowed, and the answer a phone that kept
     * guessing gets when its network must wait its turn. The README shows both screenshots.
     */
    @Test
    void codeGuessedFromManyAddresses_teacherSeesTheRollCallSlowed_andAGuessingPhoneWaitsItsTurn(
            Browser teacher, Browser phone) throws UnknownHostException {
        classroom.logInAndOpen(teacher, CodePolicy.FIXED.wire());
        String code = classroom.code();
        String wrong = code.equals("000000") ? "000001" : "000000";
        // The guessers come from many addresses, which a browser cannot: they ask the application
        // every front asks, as the web front does with each request's address. The classroom's
        // clock stands still, so every attempt below falls within one turn.
        Application application = classroom.server().server().application();
        for (int i = 0; i < GuessLimits.SLOW_AFTER; i++) {
            int guesser = i / GuessLimits.TURN_AFTER;
            guess(application, InetAddress.getByName("10.1." + guesser / 250 + "." + guesser % 250), wrong);
        }

        // The phone's own first wrong codes are typos, checked at once; then it takes the turn
        // that is free; the next attempt waits for a turn of its own.
        for (int i = 0; i <= GuessLimits.TURN_AFTER; i++) {
            Classroom.checkIn(phone, classroom.url("/"), "1010", "042191010", wrong);
            assertThat(phone.driver().findElement(By.cssSelector(".error-summary")).getText())
                    .as("attempt %d", i + 1).contains("that is not the check-in code of class 1010 now");
        }
        Classroom.checkIn(phone, classroom.url("/"), "1010", "042191010", wrong);
        assertThat(phone.driver().findElement(By.cssSelector(".error-summary")).getText())
                .containsPattern("class 1010 is being flooded with wrong codes from elsewhere, so your network takes"
                        + " turns; yours comes in \\d+ seconds?: try again then\\.");
        phone.screenshot("check-in-wait-phone");

        teacher.driver().get(classroom.url("/classes/1010"));
        assertThat(teacher.driver().findElement(By.id("slowed")).getText())
                .isEqualTo(WebText.ALERT_SLOWED.format(Lang.EN));
        // The attempt that waited was never checked, so it is no wrong code.
        assertThat(teacher.driver().findElement(By.id("wrong-codes")).getText())
                .startsWith((GuessLimits.SLOW_AFTER + GuessLimits.TURN_AFTER + 1) + " wrong codes");
        teacher.screenshot("class-slowed-projector");
    }

    private static void guess(Application application, InetAddress from, String wrong) {
        Request checkIn = new Request.CheckIn(new Matricula("1"), Classroom.CLASS, Optional.of(wrong), Optional.empty());
        try {
            Response reply = application.handle(application.session(Lang.EN, from), checkIn).get(30, TimeUnit.SECONDS);
            assertThat(reply).isInstanceOf(Response.CheckInRefused.class);
        } catch (Exception e) {
            throw new AssertionError("no reply to a guess from " + from, e);
        }
    }

    /** The texts of column {@code n} (from 1) of the list of who is present. */
    private static List<String> column(Browser browser, int n) {
        return browser.driver().findElements(By.cssSelector("#present tbody td:nth-child(" + n + ")")).stream()
                .map(WebElement::getText).toList();
    }
}
