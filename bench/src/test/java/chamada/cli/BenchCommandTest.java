package chamada.cli;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.server.WebFront;
import chamada.testing.TestServer;
import chamada.web.WebConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A short smoke run of {@code chamada bench}: asserts its exactly-once check, never its speed. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void bench_shortRunAgainstRealServer_passesExactlyOnceCheck() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CliRunner.Result result = bench("bench", "--port", Integer.toString(server.port()),
                    "--connections", "1,4", "--classes", "3", "--warmup", "0.2", "--duration", "0.5", "--json");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            JsonNode runs = new ObjectMapper().readTree(result.out()).get("runs");
            assertThat(runs).hasSize(2);
            for (JsonNode run : runs) {
                assertThat(run.get("target").asText()).isEqualTo("chamada");
                assertThat(run.get("errors").asLong()).isZero();
                assertThat(run.at("/exactly_once/ok").asBoolean()).isTrue();
                assertThat(run.at("/exactly_once/counted").asLong()).isPositive()
                        .isEqualTo(run.at("/exactly_once/acknowledged").asLong());
                assertThat(run.get("passed").asBoolean()).isTrue();
            }
        }
    }

    /** Regression test for issue 9: with typed error codes, a class left open was no longer closed and opened again. */
    @Test
    void bench_classLeftOpenByAnEarlierRun_isClosedAndOpenedAgain() throws Exception {
        try (TestServer server = TestServer.start(dir);
             ChamadaClient teacher = ChamadaClient.connect("127.0.0.1", server.port(), Lang.EN, Duration.ofSeconds(30))) {
            assertThat(teacher.open(new ClassId(3))).isInstanceOf(Response.Opened.class);

            CliRunner.Result result = bench("bench", "--port", Integer.toString(server.port()),
                    "--connections", "1", "--classes", "3", "--warmup", "0", "--duration", "0.3");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void bench_table_hasTheColumnsOfTheIssue() {
        try (TestServer server = TestServer.start(dir)) {
            CliRunner.Result result = bench("bench", "--port", Integer.toString(server.port()),
                    "--connections", "2", "--warmup", "0", "--duration", "0.3");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).contains("check-ins/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "exactly-once")
                    .containsPattern("chamada +2 +10 .* ok \\(\\d+ counted\\)");
        }
    }

    @Test
    void bench_tooManyConnections_isUsageError() {
        CliRunner.Result result = bench("bench", "--connections", "10001");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--connections must be from 1 to 10000");
    }

    @Test
    void bench_afterTheTopCommandsOptions_runsAsBefore() {
        CliRunner.Result result = bench("--lang", "en", "--verbose", "bench", "--connections", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--connections must be from 1 to 10000");
    }

    @Test
    void bench_helpInPortuguese_translatesItsOptions() {
        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).program(BenchMain::commandLine).run("bench", "--help");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("Mede presenças por segundo").contains("Uso: chamada bench")
                .contains("Conexões, de 1 a 10000");
    }

    /**
     * Regression test: without --flood-timeout, the web port's 30 s closes were judged against 900 s,
     * as refusals; then a legacy trickle's closes at a message's 60 s deadline against 12 h.
     */
    @ParameterizedTest
    @CsvSource({"native, silent, 900", "native, trickle, 900", "legacy, silent, 43200", "legacy, trickle, 60",
            "http, silent, 30", "http, trickle, 30"})
    void bench_floodWithoutFloodTimeout_judgesClosuresByAServersDefaultForThatPort(String port, String style,
                                                                                  long seconds) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--flood", port, "--flood-style", style);

        assertThat(command.floodPlan().timeout()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void bench_noServer_isUnreachable() {
        CliRunner.Result result = bench("bench", "--port", "1", "--duration", "0.2", "--timeout", "1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).contains("cannot connect to Chamada at 127.0.0.1:1");
    }

    @Test
    void bench_http_shortRunAgainstTheWebFront_passesExactlyOnceCheck() throws Exception {
        try (TestServer server = startWithWeb()) {
            CliRunner.Result result = bench("bench", "--http", "--http-port", webPort(server),
                    "--connections", "2,4", "--classes", "3", "--warmup", "0.2", "--duration", "0.5", "--json");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            JsonNode runs = new ObjectMapper().readTree(result.out()).get("runs");
            assertThat(runs).hasSize(2);
            for (JsonNode run : runs) {
                assertThat(run.get("target").asText()).isEqualTo("http");
                assertThat(run.get("connections").asInt()).isIn(2, 4);
                assertThat(run.get("check_ins").asLong()).isPositive();
                assertThat(run.get("per_second").asDouble()).isPositive();
                assertThat(run.get("latency_ms")).isNotNull();
                assertThat(run.at("/latency_ms/p99").asDouble()).isPositive()
                        .isLessThanOrEqualTo(run.at("/latency_ms/max").asDouble());
                assertThat(run.get("errors").asLong()).isZero();
                assertThat(run.at("/exactly_once/ok").asBoolean()).isTrue();
                assertThat(run.at("/exactly_once/counted").asLong()).isPositive()
                        .isEqualTo(run.at("/exactly_once/acknowledged").asLong());
                assertThat(run.has("sse_watchers")).isFalse();
                assertThat(run.get("passed").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void bench_httpTable_namesTheTargetHttp() {
        try (TestServer server = startWithWeb()) {
            CliRunner.Result result = bench("bench", "--http", "--http-port", webPort(server),
                    "--connections", "2", "--warmup", "0", "--duration", "0.3");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).containsPattern("http +2 +10 .* ok \\(\\d+ counted\\)");
            assertThat(result.err()).contains("bench: http, 2 connections, 10 classes");
        }
    }

    @Test
    void bench_sseWatchers_everyStreamHearsEveryCheckInOfItsClass() throws Exception {
        try (TestServer server = startWithWeb()) {
            CliRunner.Result result = bench("bench", "--port", Integer.toString(server.port()),
                    "--http-port", webPort(server), "--sse-watchers", "3", "--connections", "2", "--classes", "2",
                    "--warmup", "0.2", "--duration", "0.5", "--json");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            JsonNode run = new ObjectMapper().readTree(result.out()).get("runs").get(0);
            assertThat(run.get("target").asText()).isEqualTo("chamada");
            assertThat(run.at("/exactly_once/ok").asBoolean()).isTrue();
            JsonNode watchers = run.get("sse_watchers");
            assertThat(watchers.get("streams").asInt()).isEqualTo(3);
            assertThat(watchers.get("classes").asInt()).isEqualTo(2);
            assertThat(watchers.get("ok").asBoolean()).as(watchers.toString()).isTrue();
            // Streams 1 and 3 share a class: together they hear more than were made, and exactly what was expected.
            assertThat(watchers.get("checkin_events").asLong())
                    .isEqualTo(watchers.get("expected_events").asLong())
                    .isGreaterThan(run.at("/exactly_once/counted").asLong());
            assertThat(run.get("passed").asBoolean()).isTrue();
        }
    }

    @Test
    void bench_sseWatchersTable_saysWhatTheStreamsHeard() {
        try (TestServer server = startWithWeb()) {
            CliRunner.Result result = bench("bench", "--port", Integer.toString(server.port()),
                    "--http-port", webPort(server), "--sse-watchers", "2", "--connections", "1", "--warmup", "0",
                    "--duration", "0.3");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).containsPattern(
                    "sse watchers \\(chamada, 1 connections\\): 2 streams on 2 classes, (\\d+) of \\1 check-in events heard,"
                            + " [0-9.]+ MB read: ok");
        }
    }

    @Test
    void bench_http_webFrontOff_isUnreachableWithTheHint() {
        CliRunner.Result result = bench("bench", "--http", "--http-port", "1", "--duration", "0.2", "--timeout", "1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).contains("chamada bench: http: ").contains("http://127.0.0.1:1")
                .contains("--http-port");
    }

    @Test
    void bench_sseWatchersWithRedis_isUsageError() {
        CliRunner.Result result = bench("bench", "--target", "redis", "--sse-watchers", "5");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--http and --sse-watchers are for Chamada");
    }

    @Test
    void bench_tooManySseWatchers_isUsageError() {
        CliRunner.Result result = bench("bench", "--sse-watchers", "10001");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--sse-watchers must be from 0 to 10000, got 10001");
    }

    private TestServer startWithWeb() {
        return TestServer.start(dir, config -> config.withWeb(new WebFront(WebConfig.forTests())));
    }

    private static String webPort(TestServer server) {
        return Integer.toString(server.server().web().orElseThrow().port());
    }

    /** Runs the bench jar's program, {@link BenchMain}, in this JVM. */
    private static CliRunner.Result bench(String... args) {
        return new CliRunner().program(BenchMain::commandLine).run(args);
    }
}
