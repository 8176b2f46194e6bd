package chamada.server.legacy;

import chamada.protocol.legacy.MessageFraming;
import chamada.testing.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transcripts of the message port: a 64-byte length header and the UTF-8 message in,
 * {@code Msg received} out, as in the Tech with Tim tutorial that {@code seeds/003} follows.
 */
class LegacyMessageTest {

    @TempDir
    Path dir;

    private LegacyFixture server;

    @BeforeEach
    void start() {
        server = LegacyFixture.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawClient client() {
        return server.connect(LegacyPort.MESSAGES);
    }

    /** What the tutorial's client sends for {@code text}: the header, then the message. */
    private static byte[] framed(String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MessageFraming.header(message.length));
        out.writeBytes(message);
        return out.toByteArray();
    }

    @Test
    void messages_areEachAnsweredMsgReceived_andDisconnectEndsTheSession() {
        try (RawClient client = client()) {
            client.send(MessageFraming.header(12)).send("Hello World!").expect("Msg received");
            client.send(MessageFraming.header(12)).send("Olá, turma!".getBytes(StandardCharsets.UTF_8));
            client.expect("Msg received");
            client.send(MessageFraming.header(11)).send("!DISCONNECT").expect("Msg received");

            client.expectClosed();
        }
    }

    @Test
    void message_isLoggedWithTheSendersAddress() {
        try (CapturedLog log = CapturedLog.of(MessageProtocol.class); RawClient client = client()) {
            client.send(framed("Prova amanhã\n!")).expect("Msg received");

            await().atMost(RawClient.TIMEOUT).until(() -> log.lines().stream()
                    .anyMatch(line -> line.startsWith("INFO Legacy message from /127.0.0.1:")
                            && line.endsWith(": 'Prova amanhã\\n!'")));
        }
    }

    @Test
    void emptyMessage_isAMessage() {
        try (RawClient client = client()) {
            client.send(MessageFraming.header(0)).expect("Msg received");
        }
    }

    @Test
    void headerAndMessageSplitOverSegments_areReassembled() {
        byte[] bytes = framed("dividida em pedaços");
        try (RawClient client = client()) {
            client.send(Arrays.copyOfRange(bytes, 0, 10))
                    .send(Arrays.copyOfRange(bytes, 10, 64))
                    .send(Arrays.copyOfRange(bytes, 64, 70))
                    .send(Arrays.copyOfRange(bytes, 70, bytes.length));

            client.expect("Msg received");
        }
    }

    @Test
    void messagesCoalescedInOneSegment_getOneReplyEach() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(framed("um"));
        all.writeBytes(framed("dois"));
        all.writeBytes(framed("!DISCONNECT"));
        try (RawClient client = client()) {
            client.send(all.toByteArray());

            client.expect("Msg receivedMsg receivedMsg received");
            client.expectClosed();
        }
    }

    @Test
    void headerNotANumber_getsATextAndTheConnectionCloses() {
        try (RawClient client = client(); RawClient other = client()) {
            client.send("olá sem cabeçalho".getBytes(StandardCharsets.UTF_8));
            client.send(" ".repeat(64 - "olá sem cabeçalho".getBytes(StandardCharsets.UTF_8).length));

            client.expect("Cabeçalho inválido: os primeiros 64 bytes devem ser o tamanho da mensagem em dígitos ASCII,"
                    + " completados com espaços; recebido \"olÃ¡ sem cabeÃ§alho\". A conexão será encerrada.");
            client.expectClosed();
            other.send(framed("ainda aqui")).expect("Msg received");
        }
    }

    @Test
    void lengthOverTheLimit_getsATextAndTheConnectionCloses() {
        try (RawClient client = client()) {
            client.send(MessageFraming.header(65537));

            client.expect("Mensagem de 65537 bytes; o limite é 65536. A conexão será encerrada.");
            client.expectClosed();
        }
    }

    @Test
    void messageAtTheLimit_isReceived() {
        try (RawClient client = client()) {
            client.send(framed("a".repeat(MessageProtocol.MAX_MESSAGE_BYTES))).expect("Msg received");
        }
    }

    @Test
    void messageNotUtf8_getsATextAndTheSessionGoesOn() {
        try (RawClient client = client()) {
            client.send(MessageFraming.header(2)).send(new byte[] {(byte) 0xC3, '('});
            client.expect("A mensagem não é um texto UTF-8 válido; nada foi feito.");

            client.send(framed("depois")).expect("Msg received");
        }
    }
}
