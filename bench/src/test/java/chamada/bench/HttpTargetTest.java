package chamada.bench;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.server.WebFront;
import chamada.testing.TestServer;
import chamada.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bench's web-front side against a real server with its web front on: the HTTP target and
 * the live-view watchers. Asserts what they count, never their speed.
 */
class HttpTargetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static TestServer startWithWeb(Path dir) {
        return TestServer.start(dir, config -> config.withWeb(new WebFront(WebConfig.forTests())));
    }

    private static int webPort(TestServer server) {
        return server.server().web().orElseThrow().port();
    }

    @Test
    void checkIn_newThenAgain_isNewThenNot_andVerifyListsTheStudentFromTheCloseReply() throws Exception {
        try (TestServer server = startWithWeb(dir);
             HttpTarget http = HttpTarget.start("127.0.0.1", webPort(server), TIMEOUT, 1)) {
            http.prepare(List.of(1010));

            try (TestLane lane = TestLane.open(http)) {
                assertThat(lane.checkIn(1010, 42191010)).isEqualTo(CheckInReply.NEW);
                assertThat(lane.checkIn(1010, 42191010)).isEqualTo(CheckInReply.ALREADY_THERE);
            }
            ExactlyOnce verdict = http.verify(Map.of(1010, new long[] {42191010}), 0);

            assertThat(verdict.ok()).as(verdict.problems().toString()).isTrue();
            assertThat(verdict.counted()).isEqualTo(1);
        }
    }

    @Test
    void checkIn_classNotOpen_isRefusedWithTheServersCode() throws Exception {
        try (TestServer server = startWithWeb(dir);
             HttpTarget http = HttpTarget.start("127.0.0.1", webPort(server), TIMEOUT, 1);
             TestLane lane = TestLane.open(http)) {

            assertThat(lane.checkIn(77, 42191010)).isInstanceOfSatisfying(CheckInReply.Refused.class,
                    refused -> assertThat(refused.why()).startsWith("NOT_OPEN: "));
        }
    }

    @Test
    void prepare_classLeftOpen_isClosedAndOpenedEmpty() throws Exception {
        try (TestServer server = startWithWeb(dir);
             ChamadaClient teacher = server.client();
             HttpTarget http = HttpTarget.start("127.0.0.1", webPort(server), TIMEOUT, 1)) {
            teacher.open(new ClassId(5));
            teacher.checkIn(new Matricula("042191010"), new ClassId(5));

            http.prepare(List.of(5));

            ExactlyOnce verdict = http.verify(Map.of(5, new long[0]), 0);
            assertThat(verdict.ok()).as(verdict.problems().toString()).isTrue();
            assertThat(verdict.counted()).isZero();
        }
    }

    @Test
    void loadGenerator_overHttp_passesExactlyOnce() throws Exception {
        try (TestServer server = startWithWeb(dir);
             HttpTarget http = HttpTarget.start("127.0.0.1", webPort(server), TIMEOUT, 3)) {
            LoadPlan plan = new LoadPlan(3, Duration.ofMillis(100), Duration.ofMillis(400), 2, 1, Duration.ZERO,
                    TIMEOUT, Duration.ZERO);

            RunResult result = LoadGenerator.run(http, plan);

            assertThat(result.errors()).as(result.firstError().orElse("")).isZero();
            assertThat(result.exactlyOnce().ok()).as(result.exactlyOnce().problems().toString()).isTrue();
            assertThat(result.exactlyOnce().counted()).isPositive();
        }
    }

    @Test
    void connect_webFrontOff_isIOExceptionWithTheHint() throws Exception {
        try (HttpTarget http = HttpTarget.start("127.0.0.1", 1, TIMEOUT, 1)) {
            assertThatThrownBy(() -> TestLane.open(http)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IOException.class)
                    .hasMessageContaining("http://127.0.0.1:1").hasMessageContaining("--http-port");
        }
    }

    @Test
    void watchers_nativeCheckIns_everyStreamHearsItsClass() throws Exception {
        try (TestServer server = startWithWeb(dir);
             ChamadaClient student = server.client();
             WatchedTarget watched = new WatchedTarget(new ChamadaTarget("127.0.0.1", server.port(), List.of(), TIMEOUT),
                     SseWatchers.start("127.0.0.1", webPort(server), TIMEOUT, 3))) {
            watched.prepare(List.of(1, 2));
            student.checkIn(new Matricula("11"), new ClassId(1));
            student.checkIn(new Matricula("12"), new ClassId(1));
            student.checkIn(new Matricula("21"), new ClassId(2));

            ExactlyOnce verdict = watched.verify(Map.of(1, new long[] {11, 12}, 2, new long[] {21}), 0);

            assertThat(verdict.ok()).as(verdict.problems().toString()).isTrue();
            WatchResult heard = watched.result().orElseThrow();
            // Streams 1 and 3 watch class 1 (2 check-ins each), stream 2 class 2 (1).
            assertThat(heard.problems()).isEmpty();
            assertThat(heard.streams()).isEqualTo(3);
            assertThat(heard.classes()).isEqualTo(2);
            assertThat(heard.checkins()).isEqualTo(5);
            assertThat(heard.expected()).isEqualTo(5);
        }
    }

    @Test
    void watchers_moreAcknowledgedThanHeard_isAProblem() throws Exception {
        try (TestServer server = startWithWeb(dir);
             ChamadaClient student = server.client();
             WatchedTarget watched = new WatchedTarget(new ChamadaTarget("127.0.0.1", server.port(), List.of(), TIMEOUT),
                     SseWatchers.start("127.0.0.1", webPort(server), TIMEOUT, 1))) {
            watched.prepare(List.of(1));
            student.checkIn(new Matricula("11"), new ClassId(1));

            // Said to be acknowledged, never made: the exactly-once check and the stream both notice.
            ExactlyOnce verdict = watched.verify(Map.of(1, new long[] {11, 12}), 0);

            assertThat(verdict.ok()).isFalse();
            assertThat(watched.result().orElseThrow().problems())
                    .containsExactly("stream on class 1: heard 1 check-in events, but 2 were made");
        }
    }

    @Test
    void watchers_classNotOpen_isIOExceptionSayingWhy() throws Exception {
        try (TestServer server = startWithWeb(dir);
             SseWatchers watchers = SseWatchers.start("127.0.0.1", webPort(server), TIMEOUT, 1)) {

            assertThatThrownBy(() -> watchers.open(List.of(9))).isInstanceOf(IOException.class)
                    .hasMessageContaining("class 9").hasMessageContaining("HTTP 404").hasMessageContaining("NOT_OPEN");
        }
    }
}
