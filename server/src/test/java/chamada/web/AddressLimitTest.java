package chamada.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One address may hold so many connections at once; more are closed as they open, and a place freed is reused. */
class AddressLimitTest {

    private static final int LIMIT = 2;

    @Test
    void connection_pastTheLimit_isClosedAndAPlaceFreedServesAgain() throws Exception {
        try (TestWeb web = TestWeb.start(config -> config.withLimits(8 * 1024, 64 * 1024, LIMIT), routes -> routes);
             Socket first = connect(web);
             Socket second = connect(web)) {
            assertThat(head(first)).hasValueSatisfying(status -> assertThat(status).startsWith("HTTP/1.1 200"));
            assertThat(head(second)).hasValueSatisfying(status -> assertThat(status).startsWith("HTTP/1.1 200"));

            try (Socket third = connect(web)) {
                assertThat(head(third)).as("a third connection is closed unanswered").isEmpty();
            }

            first.close();
            long deadline = System.nanoTime() + TestWeb.TIMEOUT.toNanos();
            Optional<String> answered = Optional.empty();
            while (answered.isEmpty() && System.nanoTime() < deadline) {
                try (Socket again = connect(web)) {
                    answered = head(again);
                }
            }
            assertThat(answered).as("the place the first connection freed").isPresent();
        }
    }

    private static Socket connect(TestWeb web) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), web.server().port());
        socket.setSoTimeout((int) TestWeb.TIMEOUT.toMillis());
        return socket;
    }

    /** Sends a HEAD for the start page and returns the status line, or empty if the server closed the connection. */
    private static Optional<String> head(Socket socket) {
        try {
            socket.getOutputStream().write("HEAD / HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            while (!read.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return Optional.empty();
                }
                read.write(b);
            }
            String response = read.toString(StandardCharsets.US_ASCII);
            return Optional.of(response.substring(0, response.indexOf("\r\n")));
        } catch (IOException closed) {
            return Optional.empty();
        }
    }
}
