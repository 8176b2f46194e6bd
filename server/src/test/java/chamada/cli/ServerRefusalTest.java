package chamada.cli;

import chamada.client.ChamadaClient;
import chamada.server.ServerConfig;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A server that answers the hello with a refusal is there but will not serve: the CLI says why, in one line. */
class ServerRefusalTest {

    @TempDir
    Path dir;

    @Test
    void teacherStatus_serverRefusesTooManyConnections_exitsUnreachableWithTheServersMessage() {
        try (TestServer server = TestServer.start(dir, config -> config.withLimits(
                ServerConfig.DEFAULT_MAX_LINE_BYTES, Duration.ofSeconds(60), 1));
             ChamadaClient holder = server.client()) {

            CliRunner.Result result = new CliRunner()
                    .run("--lang", "en", "teacher", "status", "1010", "--port", Integer.toString(server.port()));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(result.err()).isEqualTo(
                    "Too many connections from your address (limit 1); try again later." + System.lineSeparator());
            assertThat(result.out()).isEmpty();
        }
    }
}
