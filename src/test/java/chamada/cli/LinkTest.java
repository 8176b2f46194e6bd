package chamada.cli;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.server.ServerConfig;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTest {

    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    /**
     * A session left idle past the server's timeout finds a connection the server closed after
     * saying IDLE_TIMEOUT; the request it sends next was never read, so it goes again on a new one.
     */
    @Test
    void call_afterTheServerClosedAnIdleConnection_reconnectsAndSendsAgain() {
        try (TestServer server = TestServer.start(dir, config -> config.withLimits(
                ServerConfig.DEFAULT_MAX_LINE_BYTES, Duration.ofSeconds(1), ServerConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS));
             Link link = new Link(address(server.port()), Lang.EN, Optional.empty())) {
            assertThat(link.call(c -> c.open(CLASS), false)).isInstanceOf(Response.Opened.class);

            // A connection opened after the link's last request times out after it: once this one hears
            // IDLE_TIMEOUT, so has the link's.
            try (ChamadaClient probe = server.client()) {
                assertThat(probe.receiveLine()).contains(ErrorCode.IDLE_TIMEOUT.wireName());
            }
            Response closed = link.call(c -> c.close(CLASS), false);

            assertThat(closed).isInstanceOfSatisfying(Response.RollCallReply.class,
                    reply -> assertThat(reply.rollCall().closedAt()).isPresent());
        }
    }

    private static ServerAddress address(int port) {
        return CommandLine.populateCommand(new ServerAddress(), "--port", Integer.toString(port));
    }
}
