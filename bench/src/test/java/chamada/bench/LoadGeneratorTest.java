package chamada.bench;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the closed loop counts when the server answers well, refuses, stays silent or hangs up;
 * against a real server or a scripted one on loopback. Asserts counts, never speed.
 */
class LoadGeneratorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static LoadPlan plan(int connections, Duration duration, Duration pause, Duration timeout, Duration hold) {
        return new LoadPlan(connections, Duration.ZERO, duration, 2, 900, pause, timeout, hold);
    }

    @Test
    void run_classesNotOpen_everyCheckInIsARefusalAndNoneIsMeasured() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            Target target = new Unchecked(new ChamadaTarget("127.0.0.1", server.port(), List.of(), TIMEOUT));

            RunResult result = LoadGenerator.run(target, plan(2, Duration.ofMillis(200), Duration.ZERO, TIMEOUT,
                    Duration.ZERO));

            assertThat(result.checkIns()).isZero();
            assertThat(result.errors()).isPositive();
            assertThat(result.firstError()).hasValueSatisfying(e -> assertThat(e).startsWith("refused: NOT_OPEN: "));
            assertThat(result.exactlyOnce().inDoubt()).isZero();
        }
    }

    @Test
    void run_serverNeverReplies_eachConnectionTimesOutWithItsCheckInInDoubt() throws Exception {
        try (ScriptedServer silent = ScriptedServer.start(c -> c.getInputStream().transferTo(OutputStream.nullOutputStream()))) {
            Duration timeout = Duration.ofMillis(200);
            Target target = new Unchecked(new RedisTarget("127.0.0.1", silent.port(), timeout));

            RunResult result = LoadGenerator.run(target, plan(3, Duration.ofMillis(100), Duration.ZERO, timeout,
                    Duration.ZERO));

            assertThat(result.checkIns()).isZero();
            assertThat(result.errors()).isEqualTo(3);
            assertThat(result.firstError()).hasValue("no reply in 200 ms");
            assertThat(result.exactlyOnce().inDoubt()).isEqualTo(3);
        }
    }

    @Test
    void run_serverHangsUpOnACheckIn_isNoReplyWithItInDoubt() throws Exception {
        try (ScriptedServer rude = ScriptedServer.start(c -> {
            ScriptedServer.readLine(c);
            c.close();
        })) {
            Target target = new Unchecked(new RedisTarget("127.0.0.1", rude.port(), TIMEOUT));

            RunResult result = LoadGenerator.run(target, plan(2, Duration.ofMillis(300), Duration.ZERO, TIMEOUT,
                    Duration.ZERO));

            assertThat(result.errors()).isEqualTo(2);
            assertThat(result.firstError()).hasValue("no reply: the connection was closed");
            assertThat(result.exactlyOnce().inDoubt()).isEqualTo(2);
        }
    }

    @Test
    void run_serverRefusesTheGreeting_isAConnectErrorPerConnection() throws Exception {
        try (ScriptedServer full = ScriptedServer.start(c -> {
            ScriptedServer.readLine(c);
            c.getOutputStream().write(("{\"ok\":false,\"code\":\"TOO_MANY_CONNECTIONS\",\"message\":\"Too many.\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            c.close();
        })) {
            Target target = new Unchecked(new ChamadaTarget("127.0.0.1", full.port(), List.of(), TIMEOUT));

            RunResult result = LoadGenerator.run(target, plan(2, Duration.ofMillis(100), Duration.ZERO, TIMEOUT,
                    Duration.ZERO));

            assertThat(result.errors()).isEqualTo(2);
            assertThat(result.firstError()).hasValue("connect: cannot connect to Chamada at 127.0.0.1:" + full.port()
                    + ": TOO_MANY_CONNECTIONS: Too many.");
            assertThat(result.checkIns()).isZero();
        }
    }

    @Test
    void run_withOtherNodes_spreadsTheConnectionsOverEveryNode() throws Exception {
        try (TestServer first = TestServer.start(dir.resolve("first"));
             TestServer second = TestServer.start(dir.resolve("second"))) {
            for (TestServer node : List.of(first, second)) {
                try (ChamadaClient teacher = node.client()) {
                    teacher.open(new ClassId(900));
                    teacher.open(new ClassId(901));
                }
            }
            Target target = new Unchecked(new ChamadaTarget("127.0.0.1", first.port(), List.of(second.port()), TIMEOUT));

            RunResult result = LoadGenerator.run(target, plan(4, Duration.ofMillis(300), Duration.ZERO, TIMEOUT,
                    Duration.ZERO));

            long onFirst = present(first);
            long onSecond = present(second);
            assertThat(result.errors()).isZero();
            assertThat(onFirst).as("check-ins on the first node").isPositive();
            assertThat(onSecond).as("check-ins on the second node").isPositive();
            assertThat(onFirst + onSecond).as("every check-in counted reached one of them")
                    .isGreaterThanOrEqualTo(result.checkIns());
        }
    }

    private static long present(TestServer node) {
        try (ChamadaClient teacher = node.client()) {
            return Stream.of(900, 901).mapToLong(classId -> ((Response.RollCallReply) teacher.status(new ClassId(classId)))
                    .rollCall().present().size()).sum();
        }
    }

    @Test
    void run_withPause_eachConnectionWaitsItBetweenCheckIns() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            // Each connection starts within the pause, then sends at most once a pause: 4 each in 1 s.
            RunResult result = LoadGenerator.run(new ChamadaTarget("127.0.0.1", server.port(), List.of(), TIMEOUT),
                    plan(2, Duration.ofSeconds(1), Duration.ofMillis(250), TIMEOUT, Duration.ZERO));

            assertThat(result.passed()).as(result.firstError().orElse("")).isTrue();
            assertThat(result.exactlyOnce().counted()).isBetween(2L, 8L);
        }
    }

    @Test
    void run_withHold_callsOnHoldOnceAndPasses() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            AtomicInteger holds = new AtomicInteger();

            RunResult result = LoadGenerator.run(new ChamadaTarget("127.0.0.1", server.port(), List.of(), TIMEOUT),
                    plan(2, Duration.ofMillis(200), Duration.ZERO, TIMEOUT, Duration.ofMillis(200)),
                    holds::incrementAndGet);

            assertThat(holds).hasValue(1);
            assertThat(result.passed()).as(result.firstError().orElse("")).isTrue();
            assertThat(result.checkIns()).isPositive();
        }
    }
}
