package chamada.server.legacy;

import chamada.client.ChamadaClient;
import chamada.messages.ClassMessage;
import chamada.protocol.Response;
import chamada.protocol.legacy.MessageFraming;
import chamada.rollcall.ClassId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message port with {@code --legacy-messages-class}: what the seed's client sends lands in
 * that class's inbox as anonymous messages, still answered {@code Msg received}; where the class
 * takes no anonymous message, the client is told why instead, and nothing is kept.
 */
class LegacyMessageInboxTest {

    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    private LegacyFixture server;
    private ChamadaClient teacher;

    @BeforeEach
    void start() {
        server = LegacyFixture.start(dir, config -> config.withLegacy(config.legacy().orElseThrow()
                .withMessagesClass(CLASS)));
        teacher = server.nativeClient();
    }

    @AfterEach
    void stop() {
        teacher.close();
        server.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void seedMessages_landInTheClassesInbox_andAreAnsweredMsgReceived() {
        as(teacher.anonymous(CLASS, Optional.of(true)), Response.Anonymous.class);
        try (RawClient client = server.connect(LegacyPort.MESSAGES)) {
            byte[] message = utf8("Olá, professora!");
            client.send(MessageFraming.header(message.length)).send(message).expect("Msg received");
            client.send(MessageFraming.header(11)).send("!DISCONNECT").expect("Msg received");
            client.expectClosed();
        }

        assertThat(as(teacher.inbox(CLASS, false), Response.Inbox.class).messages())
                .extracting(m -> m.text().value(), ClassMessage::sender)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Olá, professora!", Optional.empty()));
    }

    @Test
    void aClassThatTakesNoAnonymousMessage_isSaidSo_andKeepsNothing() {
        try (RawClient client = server.connect(LegacyPort.MESSAGES)) {
            client.send(MessageFraming.header(5)).send("Oi!!!")
                    .expect("A turma 1010 não aceita mensagens anônimas: informe também sua matrícula.");
        }

        assertThat(as(teacher.inbox(CLASS, false), Response.Inbox.class).messages()).isEmpty();
    }
}
