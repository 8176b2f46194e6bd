package chamada.web;

import chamada.net.TlsCertificate;
import chamada.testing.TestTls;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;

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

    /** Regression test for issue 16: Jetty restarts its idle timeout at each byte, so a trickle held its connection for good. */
    @Test
    void clientTricklingItsHeaders_isClosedUnansweredAfterTheIdleTimeout_whileAnotherIsServed() throws Exception {
        try (TestWeb web = TestWeb.start(IdleTimeoutTest::oneSecond, routes -> routes)) {
            assertTricklerClosedWhileOthersServed(web, SocketFactory.getDefault());
        }
    }

    /** Under TLS the connection that carries requests is inside the TLS one: it is the one watched. */
    @Test
    void clientTricklingItsHeadersOverTls_isClosedUnansweredAfterTheIdleTimeout_whileAnotherIsServed() throws Exception {
        TlsCertificate certificate = TestTls.certificate("rsa-cert.pem", "rsa-key.pem");
        try (TestWeb web = TestWeb.start(config -> oneSecond(config).withTls(certificate), routes -> routes)) {
            assertTricklerClosedWhileOthersServed(web, TestTls.trustingTestCertificates().getSocketFactory());
        }
    }

    private static void assertTricklerClosedWhileOthersServed(TestWeb web, SocketFactory sockets) throws Exception {
        try (Socket slow = sockets.createSocket(InetAddress.getLoopbackAddress(), web.server().port())) {
            OutputStream out = slow.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicBoolean closed = new AtomicBoolean();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    closed.set(slow.getInputStream().readAllBytes().length == 0);
                } catch (IOException e) {
                    closed.set(true);
                }
            });

            Instant giveUp = Instant.now().plus(TestWeb.TIMEOUT);
            while (reader.isAlive() && Instant.now().isBefore(giveUp)) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    break;
                }
                served(web, sockets);
                reader.join(Duration.ofMillis(200));
            }

            assertThat(closed).isTrue();
        }
    }

    private static void served(TestWeb web, SocketFactory sockets) throws IOException {
        try (Socket other = sockets.createSocket(InetAddress.getLoopbackAddress(), web.server().port())) {
            other.setSoTimeout((int) TestWeb.TIMEOUT.toMillis());
            other.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            other.getOutputStream().flush();
            assertThat(new String(other.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 ");
        }
    }

    private static WebConfig oneSecond(WebConfig config) {
        return new WebConfig(config.bind(), config.port(), config.maxHeaderBytes(), config.maxBodyBytes(),
                Duration.ofSeconds(1), config.maxConnectionsPerAddress(), config.lang());
    }
}
