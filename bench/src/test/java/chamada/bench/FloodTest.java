package chamada.bench;

import chamada.server.ServerConfig;
import chamada.server.WebFront;
import chamada.server.legacy.LegacyConfig;
import chamada.server.legacy.LegacyPort;
import chamada.testing.TestServer;
import chamada.web.WebConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of reliability/floods: a few hundred silent or trickling connections on each
 * port, held through a short check-in run by the bench's own flood, are closed by the server
 * within its timeout, those past the per-address limit are refused, and the check-ins beside
 * them are all served. Asserts counts, never speed: the p99 with and without a flood is the full
 * script's, on a quiet machine.
 */
class FloodTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int PER_ADDRESS = 50;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"NATIVE, SILENT, 200, 20", "NATIVE, TRICKLE, 200, 20", "HTTP, SILENT, 200, 20",
            "HTTP, TRICKLE, 200, 20", "LEGACY, SILENT, 200, 20", "LEGACY, TRICKLE, 200, 20"})
    void flood_spreadUnderTheLimit_isClosedWithinTheTimeout_whileCheckInsAreServed(
            FloodPlan.Port port, FloodPlan.Style style, int connections, int addresses) throws Exception {
        try (TestServer server = TestServer.start(dir, config -> floodable(config, TIMEOUT))) {
            Result result = run(server, port, style, connections, addresses, TIMEOUT);

            assertThat(result.flood().failed()).isZero();
            assertThat(result.flood().refused()).isZero();
            assertThat(result.flood().onTime()).isEqualTo(connections);
            assertThat(result.flood().held()).isTrue();
            assertThat(result.run().checkIns()).isPositive();
            assertThat(result.run().errors()).isZero();
            assertThat(result.run().passed()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"NATIVE", "HTTP", "LEGACY"})
    void flood_fromOneAddress_isRefusedPastTheLimit_andTheRestClosedWithinTheTimeout(FloodPlan.Port port)
            throws Exception {
        // The native port waits RefusedConnection.WAIT for a refused connection's first line, and the flood counts
        // what closes before half the timeout as refused: a timeout of four times that wait leaves a loaded
        // machine as much slack again.
        Duration timeout = port == FloodPlan.Port.NATIVE ? Duration.ofSeconds(20) : TIMEOUT;
        try (TestServer server = TestServer.start(dir, config -> floodable(config, timeout))) {
            Result result = run(server, port, FloodPlan.Style.SILENT, PER_ADDRESS + 10, 1, timeout);

            assertThat(result.flood().refused()).isEqualTo(10);
            assertThat(result.flood().onTime()).isEqualTo(PER_ADDRESS);
            assertThat(result.flood().held()).isTrue();
            assertThat(result.run().passed()).isTrue();
        }
    }

    private record Result(FloodResult flood, RunResult run) {
    }

    private static Result run(TestServer server, FloodPlan.Port port, FloodPlan.Style style, int connections,
                              int addresses, Duration timeout) throws Exception {
        int number = switch (port) {
            case NATIVE -> server.port();
            case HTTP -> server.server().web().orElseThrow().port();
            // A trickle on the roll-call port is a message a byte: an active client. On the messages port it is slow.
            case LEGACY -> server.server().legacy().orElseThrow()
                    .address(style == FloodPlan.Style.TRICKLE ? LegacyPort.MESSAGES : LegacyPort.ROLL_CALL).getPort();
        };
        FloodPlan plan = new FloodPlan(port, "127.0.0.1", number, connections, addresses, style,
                Duration.ofMillis(500), timeout);
        FloodedTarget target = new FloodedTarget(
                new ChamadaTarget("127.0.0.1", server.port(), List.of(), CLIENT_TIMEOUT), new Flood(plan, CLIENT_TIMEOUT));
        try (target) {
            RunResult run = LoadGenerator.run(target, new LoadPlan(4, Duration.ZERO, Duration.ofMillis(500), 2, 900,
                    Duration.ZERO, CLIENT_TIMEOUT, Duration.ZERO), () -> { });
            return new Result(target.result().orElseThrow(), run);
        }
    }

    /** Every port on, each with {@code timeout} and a per-address limit a test can pass. */
    private ServerConfig floodable(ServerConfig config, Duration timeout) {
        WebConfig web = WebConfig.forTests();
        return config.withLimits(config.maxLineBytes(), timeout, PER_ADDRESS)
                .withLegacy(LegacyConfig.forTests(dir.resolve("legacy-files")).withIdleTimeout(timeout))
                .withWeb(new WebFront(new WebConfig(web.bind(), web.port(), web.maxHeaderBytes(), web.maxBodyBytes(),
                        timeout, PER_ADDRESS, web.lang())));
    }
}
