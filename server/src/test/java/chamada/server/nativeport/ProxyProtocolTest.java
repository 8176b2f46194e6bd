package chamada.server.nativeport;

import chamada.rollcall.Network;
import chamada.testing.ProxyHeaders;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a load balancer named by {@code --trusted-proxy}, the native port takes the client's
 * address from the PROXY protocol header (v1 and v2), so per-address limits count clients, not
 * the balancer. One connection per address here, so the limit shows which address was counted.
 */
class ProxyProtocolTest {

    @TempDir
    Path dir;

    @Test
    void headersFromATrustedBalancer_nameTheClients_v1AndV2() throws IOException {
        try (TestServer server = start(List.of(Network.parse("127.0.0.1/32")));
             Connection first = new Connection(server.port());
             Connection other = new Connection(server.port());
             Connection binary = new Connection(server.port());
             Connection again = new Connection(server.port())) {
            // Each answered before the next is sent, so the first holds 10.0.0.1 when the last comes.
            first.send(ProxyHeaders.v1("10.0.0.1"), "health\n");
            assertThat(first.reply()).contains("\"healthy\":true");
            other.send(ProxyHeaders.v1("10.0.0.2"), "health\n");
            assertThat(other.reply()).contains("\"healthy\":true");
            binary.send(ProxyHeaders.v2(new byte[] {10, 0, 0, 3}), "health\n");
            assertThat(binary.reply()).contains("\"healthy\":true");
            again.send(ProxyHeaders.v1("10.0.0.1"), "health\n");
            assertThat(again.reply()).contains("TOO_MANY_CONNECTIONS");
        }
    }

    @Test
    void aTrustedBalancerThatSendsNoHeader_isClosedWithoutAReply() throws IOException {
        try (TestServer server = start(List.of(Network.parse("127.0.0.1/32")));
             Connection connection = new Connection(server.port())) {
            connection.send("health\r\nhealth\r\nhealth\r\n");

            assertThat(connection.reply()).isNull();
        }
    }

    @Test
    void aHeaderFromAnyoneElse_isJustABadRequestLine() throws IOException {
        try (TestServer server = start(List.of());
             Connection connection = new Connection(server.port())) {
            connection.send(ProxyHeaders.v1("10.0.0.1"), "health\n");

            assertThat(connection.reply()).contains("\"ok\":false");
            assertThat(connection.reply()).contains("\"healthy\":true");
        }
    }

    private TestServer start(List<Network> proxies) {
        return TestServer.start(dir, config -> config.withTrustedProxies(proxies)
                .withLimits(config.maxLineBytes(), Duration.ofMinutes(1), 1));
    }

    /** A raw TCP connection to the native port, reading replies line by line. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;

        Connection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) TestServer.CLIENT_TIMEOUT.toMillis());
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        }

        void send(byte[] header, String text) throws IOException {
            socket.getOutputStream().write(header);
            send(text);
        }

        String reply() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
