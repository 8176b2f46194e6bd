package chamada.web;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops sending, halfway through a request or before one, is closed after the idle timeout. */
class IdleTimeoutTest {

    @Test
    void clientSilentMidRequest_isClosedUnanswered() throws Exception {
        try (TestWeb web = TestWeb.start(IdleTimeoutTest::oneSecond, routes -> routes);
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), web.server().port())) {
            slow.setSoTimeout((int) TestWeb.TIMEOUT.toMillis());
            slow.getOutputStream().write("GET / HTTP/1.1\r\nHost: te".getBytes(StandardCharsets.US_ASCII));

            assertThat(slow.getInputStream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void clientSilentFromTheStart_isClosed() throws Exception {
        try (TestWeb web = TestWeb.start(IdleTimeoutTest::oneSecond, routes -> routes);
             Socket silent = new Socket(InetAddress.getLoopbackAddress(), web.server().port())) {
            silent.setSoTimeout((int) TestWeb.TIMEOUT.toMillis());
            InputStream in = silent.getInputStream();

            assertThat(in.read()).isEqualTo(-1);
        }
    }

    private static WebConfig oneSecond(WebConfig config) {
        return new WebConfig(config.bind(), config.port(), config.maxHeaderBytes(), config.maxBodyBytes(),
                Duration.ofSeconds(1), config.maxConnectionsPerAddress(), config.lang());
    }
}
