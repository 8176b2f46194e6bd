package chamada.web;

import chamada.i18n.Lang;
import chamada.rollcall.CodePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole class at once: 40 phones (HTTP clients, each with its own cookies, as 40 browsers
 * have) send the check-in form together while two projector pages, in two browsers logged in
 * as the teacher, watch the roll call. Both end at exactly 40, and the roll call holds 40
 * distinct students, none twice.
 */
class CrowdBrowserTest {

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PROJECTOR, WindowSize.PROJECTOR);

    private static final int PHONES = 40;
    private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([A-Za-z0-9_-]{22})\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Classroom classroom;

    @BeforeEach
    void start(Browser projector, Browser second) {
        classroom = Classroom.start(dir, projector, second);
    }

    @AfterEach
    void stop() {
        if (classroom != null) { // null when the browsers could not start
            classroom.close();
        }
    }

    @Test
    void fortyPhonesAtOnce_whileTwoProjectorsWatch_everyCountIsExact_andNothingIsDoubled(Browser projector, Browser second)
            throws Exception {
        classroom.logInAndOpen(projector, CodePolicy.FIXED.wire());
        classroom.project(projector);
        classroom.logIn(second);
        classroom.project(second);
        String code = projector.driver().findElement(By.id("code")).getText().replace(" ", "");
        List<String> matriculas = IntStream.rangeClosed(1, PHONES).mapToObj(i -> String.format("2026%05d", i)).toList();

        List<HttpResponse<String>> answers = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(PHONES);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService phones = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (String matricula : matriculas) {
                sent.add(phones.submit(() -> checkIn(matricula, code, ready, go)));
            }
            assertThat(ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("every phone has the page").isTrue();
            go.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
        }

        String forty = WebText.PRESENT_COUNT.format(Lang.EN, PHONES);
        for (Browser watching : List.of(projector, second)) {
            Classroom.waitFor(watching).until(ExpectedConditions.textToBe(By.id("count"), forty));
        }
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Attendance registered in class 1010 at ").doesNotContain("already");
        });
        assertThat(classroom.present()).hasSize(PHONES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(matriculas);
        for (Browser watching : List.of(projector, second)) {
            List<String> latest = watching.driver().findElements(By.cssSelector("#latest li")).stream()
                    .map(WebElement::getText).toList();
            assertThat(latest).as("the latest arrivals").hasSize(ProjectorPage.LATEST).doesNotHaveDuplicates();
        }
        second.screenshot("projector-forty");
    }

    /** One phone: opens the page, holds its cookies and form token, waits for the others, then sends the form. */
    private HttpResponse<String> checkIn(String matricula, String code, CountDownLatch ready, CountDownLatch go)
            throws IOException, InterruptedException {
        try (HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> page = phone.send(HttpRequest.newBuilder(URI.create(classroom.url("/")))
                    .header("Accept-Language", "en").timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(page.body());
            assertThat(token.find()).as("the form's token").isTrue();
            ready.countDown();
            go.await();
            return phone.send(HttpRequest.newBuilder(URI.create(classroom.url("/check-in")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                    .timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString("form_token=" + token.group(1) + "&class=1010&matricula="
                            + matricula + "&code=" + code)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
