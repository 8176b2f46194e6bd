package chamada.server.legacy;

import chamada.protocol.legacy.MessageFraming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression test for the review of issue 16: a legacy message had the idle timeout from its first
 * byte, and that is 12 hours by default, so the slowloris fix did nothing at default settings.
 */
class LegacyMessageDeadlineTest {

    @TempDir
    Path dir;

    @Test
    void messageTime_byDefault_isAMinute_andNeverPastTheIdleTimeout() {
        LegacyConfig defaults = LegacyConfig.defaults();

        assertThat(defaults.idleTimeout()).isEqualTo(LegacyConfig.DEFAULT_IDLE_TIMEOUT);
        assertThat(defaults.messageTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.withIdleTimeout(Duration.ofSeconds(5)).messageTime()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void message_trickledAtTheDefaultIdleTimeout_isClosedAfterTheMessageDeadline_whileAnotherIsServed()
            throws Exception {
        try (LegacyFixture server = LegacyFixture.start(dir, config -> config
                .withLegacy(config.legacy().orElseThrow().withIdleTimeout(LegacyConfig.DEFAULT_IDLE_TIMEOUT)
                        .withMessageDeadline(Duration.ofSeconds(1))))) {
            assertTricklerClosedWhileOthersServed(server, "1 segundo");
        }
    }

    /** Regression test for issue 16: a socket's read timeout restarts with every byte, so a trickle held its connection for good. */
    @Test
    void message_trickledWithAShorterIdleTimeout_isClosedAfterTheIdleTimeout_whileAnotherIsServed() throws Exception {
        try (LegacyFixture server = LegacyFixture.start(dir, config -> config
                .withLegacy(config.legacy().orElseThrow().withIdleTimeout(Duration.ofSeconds(2))))) {
            assertTricklerClosedWhileOthersServed(server, "2 segundos");
        }
    }

    private static void assertTricklerClosedWhileOthersServed(LegacyFixture server, String deadline) throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.port(LegacyPort.MESSAGES))) {
            slow.setSoTimeout((int) RawClient.TIMEOUT.toMillis());
            OutputStream out = slow.getOutputStream();
            AtomicReference<String> heard = new AtomicReference<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    heard.set(new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    heard.set("");
                }
            });

            Instant giveUp = Instant.now().plus(RawClient.TIMEOUT);
            while (reader.isAlive() && Instant.now().isBefore(giveUp)) {
                try {
                    out.write('0'); // a length header never finished
                } catch (IOException e) {
                    break;
                }
                try (RawClient other = server.connect(LegacyPort.MESSAGES)) {
                    other.send(MessageFraming.header(2)).send("oi").expect(MessageFraming.RECEIVED);
                }
                reader.join(Duration.ofMillis(300));
            }

            assertThat(heard.get()).isEqualTo("Uma mensagem não chegou inteira em " + deadline + "; a conexão foi encerrada"
                    + " e nada mais foi processado. Abra o programa de novo para continuar.");
        }
    }
}
