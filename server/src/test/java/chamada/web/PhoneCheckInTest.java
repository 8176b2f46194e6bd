package chamada.web;

import chamada.rollcall.ClassId;
import chamada.server.WebFront;
import chamada.testing.MutableClock;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone page's check-in as a browser without JavaScript posts it: the form, its token, the
 * device cookie, the sentence the CLI prints, and the device rule. (Real-browser tests drive
 * the same pages through Chromium.)
 */
class PhoneCheckInTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([A-Za-z0-9_-]{22})\"");
    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T11:00:00Z"),
            ZoneId.of("America/Sao_Paulo"));
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, config -> config.withWeb(new WebFront(WebConfig.forTests())), clock);
        try (var client = server.client()) {
            client.open(CLASS);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void checkIn_fromThePhonePage_saysWhatTheCliSays() throws Exception {
        try (Phone phone = new Phone()) {
            HttpResponse<String> result = phone.checkIn("1010", "042191010", "");

            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.body()).contains("Attendance registered in class 1010 at 30/11/2026 08:00:00.");
        }
    }

    @Test
    void checkIn_notOpen_showsTheFormAgainWithClassZeroAndTheReason() throws Exception {
        try (Phone phone = new Phone()) {
            HttpResponse<String> result = phone.checkIn("2020", "042191010", "");

            assertThat(result.body()).contains("Class 0: the roll call of class 2020 is not open.")
                    .contains("name=\"matricula\"").contains("value=\"042191010\"");
        }
    }

    @Test
    void checkIn_badFields_areNamedBesideEachField_andNothingIsAsked() throws Exception {
        try (Phone phone = new Phone()) {
            HttpResponse<String> result = phone.checkIn("abc", "12a", "12");

            assertThat(result.statusCode()).isEqualTo(400);
            assertThat(result.body()).contains("Invalid field class: \"abc\"").contains("Invalid field matricula")
                    .contains("Invalid field code");
        }
    }

    @Test
    void post_withoutTheFormToken_isRefused() throws Exception {
        try (Phone phone = new Phone()) {
            phone.page("/");
            HttpResponse<String> forged = phone.post("class=1010&matricula=042191010");

            assertThat(forged.statusCode()).isEqualTo(403);
        }
        try (var client = server.client()) {
            assertThat(client.status(CLASS).toString()).doesNotContain("042191010");
        }
    }

    /**
     * Issue 16, found by CheckInFormFuzzTest: a form body Jetty's parser refuses (escapes that are
     * not UTF-8, a % without two hexadecimal digits) crashed the post with a 500 and a stack trace.
     */
    @Test
    void post_withEscapesThatAreNotUtf8_isRefusedAsABadRequestSayingWhy() throws Exception {
        try (Phone phone = new Phone()) {
            HttpResponse<String> result = phone.post("class=%FF&matricula=042191010");

            assertThat(result.statusCode()).isEqualTo(400);
            assertThat(result.body()).contains("must be UTF-8");
        }
    }

    @Test
    void post_withAPercentNotFollowedByTwoHexDigits_isRefusedAsABadRequestSayingWhy() throws Exception {
        try (Phone phone = new Phone()) {
            HttpResponse<String> inside = phone.post("class=1010&matricula=042191010&code%=1");
            HttpResponse<String> atTheEnd = phone.post("class=1010&matricula=042191010%");

            for (HttpResponse<String> result : List.of(inside, atTheEnd)) {
                assertThat(result.statusCode()).isEqualTo(400);
                assertThat(result.body()).contains("each % must be followed by two hexadecimal digits");
            }
        }
    }

    @Test
    void secondMatriculaFromOnePhone_replacesTheFirstWithinTwoMinutes_andIsRefusedAfter() throws Exception {
        try (Phone phone = new Phone()) {
            phone.checkIn("1010", "042191010", "");
            HttpResponse<String> typo = phone.checkIn("1010", "042191011", "");
            clock.advance(Duration.ofMinutes(3));
            HttpResponse<String> friend = phone.checkIn("1010", "205182055", "");

            assertThat(typo.body()).contains("in place of 042191010");
            assertThat(friend.body()).contains("Class 0: this device already checked in another student in class 1010");
        }
    }

    @Test
    void qrLink_fillsTheClassAndTheCode() throws Exception {
        try (Phone phone = new Phone()) {
            HttpResponse<String> page = phone.page("/c/1010?code=123456");

            assertThat(page.body()).contains("value=\"1010\"").contains("value=\"123456\"");
        }
    }

    /** One phone: its own cookies, as a browser keeps them. */
    private final class Phone implements AutoCloseable {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> page(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(server.webBase() + path)).header("Accept-Language", "en")
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> checkIn(String classNumber, String matricula, String code)
                throws IOException, InterruptedException {
            Matcher token = TOKEN.matcher(page("/").body());
            assertThat(token.find()).as("the form's token").isTrue();
            return post("form_token=" + token.group(1) + "&class=" + encode(classNumber) + "&matricula="
                    + encode(matricula) + "&code=" + encode(code));
        }

        HttpResponse<String> post(String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(server.webBase() + "/check-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            http.shutdownNow();
        }
    }
}
