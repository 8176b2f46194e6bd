package chamada.server.nativeport;

import chamada.rollcall.Network;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
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
            first.send(v1("10.0.0.1") + "health\n");
            assertThat(first.reply()).contains("\"healthy\":true");
            other.send(v1("10.0.0.2") + "health\n");
            assertThat(other.reply()).contains("\"healthy\":true");
            binary.send(v2(new byte[] {10, 0, 0, 3}), "health\n");
            assertThat(binary.reply()).contains("\"healthy\":true");
            again.send(v1("10.0.0.1") + "health\n");
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
            connection.send(v1("10.0.0.1") + "health\n");

            assertThat(connection.reply()).contains("\"ok\":false");
            assertThat(connection.reply()).contains("\"healthy\":true");
        }
    }

    private TestServer start(List<Network> proxies) {
        return TestServer.start(dir, config -> config.withTrustedProxies(proxies)
                .withLimits(config.maxLineBytes(), Duration.ofMinutes(1), 1));
    }

    private static String v1(String client) {
        return "PROXY TCP4 " + client + " 127.0.0.1 50000 7070\r\n";
    }

    /** A v2 header: signature, PROXY command, TCP over IPv4, the client's and the balancer's addresses and ports. */
    private static byte[] v2(byte[] client) {
        ByteBuffer header = ByteBuffer.allocate(28);
        header.put(HexFormat.of().parseHex("0d0a0d0a000d0a515549540a"));
        header.put((byte) 0x21).put((byte) 0x11).putShort((short) 12);
        header.put(client).put(new byte[] {127, 0, 0, 1}).putShort((short) 50000).putShort((short) 7070);
        return header.array();
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
