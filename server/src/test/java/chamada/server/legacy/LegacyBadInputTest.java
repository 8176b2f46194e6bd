package chamada.server.legacy;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.protocol.legacy.MessageFraming;
import chamada.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken clients on each legacy port: each gets a text or a close, and the server
 * goes on serving everyone else, on every port.
 */
class LegacyBadInputTest {

    private static final String MENU = "-- OPÇÕES ENCONTRADAS -- \n\n[0] a.txt\n\nQual deles deseja baixar? ";

    @TempDir
    Path dir;

    /** Every port still answers: a connection opened before the trouble, and fresh ones. */
    private static void assertStillServing(LegacyFixture server, RawClient oldRollCall) {
        oldRollCall.exchange("7/1010,student", "Esta turma não está com presença ativa. Solicitação rejeitada em 09/03/2026 às 19:05");
        try (RawClient rollCall = server.connect(LegacyPort.ROLL_CALL);
             RawClient messages = server.connect(LegacyPort.MESSAGES);
             RawClient files = server.connect(LegacyPort.FILES);
             ChamadaClient nativeClient = server.nativeClient()) {
            rollCall.exchange("8/1010,student", "Esta turma não está com presença ativa. Solicitação rejeitada em 09/03/2026 às 19:05");
            messages.send(MessageFraming.header(2)).send("oi").expect("Msg received");
            files.expect(MENU);
            assertThat(as(nativeClient.call(new chamada.protocol.Request.Help()), Response.Help.class).commands()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyPort.class)
    void randomBytes_neverStopTheServer(LegacyPort port) throws Exception {
        try (LegacyFixture server = LegacyFixture.start(dir);
             RawClient bystander = server.connect(LegacyPort.ROLL_CALL)) {
            Files.writeString(server.files.resolve("a.txt"), "a");
            Random random = new Random(2026 + port.ordinal());
            for (int connection = 0; connection < 8; connection++) {
                byte[] garbage = new byte[1 + random.nextInt(3000)];
                random.nextBytes(garbage);
                try (RawClient client = server.connect(port)) {
                    client.sendLast(garbage);
                    client.readToEnd();
                }
            }
            assertStillServing(server, bystander);
        }
    }

    @Test
    void halfSentMessages_onEveryPort_doNotBlockOthers() throws Exception {
        try (LegacyFixture server = LegacyFixture.start(dir)) {
            Files.writeString(server.files.resolve("a.txt"), "a");
            try (RawClient bystander = server.connect(LegacyPort.ROLL_CALL);
                 RawClient rollCall = server.connect(LegacyPort.ROLL_CALL);
                 RawClient messages = server.connect(LegacyPort.MESSAGES);
                 RawClient files = server.connect(LegacyPort.FILES)) {
                rollCall.send("1010,tea");
                messages.send("12   ");
                files.expect(MENU);

                assertStillServing(server, bystander);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyPort.class)
    void silentConnection_isToldAndClosedAfterTheIdleTimeout(LegacyPort port) {
        try (LegacyFixture server = LegacyFixture.start(dir, config -> config.withLegacy(
                config.legacy().orElseThrow().withIdleTimeout(Duration.ofSeconds(1))));
             RawClient client = server.connect(port)) {
            if (port == LegacyPort.FILES) {
                client.expect("-- OPÇÕES ENCONTRADAS -- \n\n\nQual deles deseja baixar? ");
            }

            client.expect("Nenhuma mensagem em 1 segundo; a conexão foi encerrada e nada mais foi processado."
                    + " Abra o programa de novo para continuar.");
            client.expectClosed();
        }
    }

    @Test
    void connectionsPastThePerAddressLimit_countNativeAndLegacyTogether() {
        try (LegacyFixture server = LegacyFixture.start(dir,
                config -> config.withLimits(ServerConfig.DEFAULT_MAX_LINE_BYTES, ServerConfig.DEFAULT_IDLE_TIMEOUT, 3));
             ChamadaClient nativeClient = server.nativeClient();
             RawClient rollCall = server.connect(LegacyPort.ROLL_CALL);
             RawClient messages = server.connect(LegacyPort.MESSAGES)) {
            as(nativeClient.call(new chamada.protocol.Request.Help()), Response.Help.class);
            rollCall.exchange("1/1,student", "Esta turma não está com presença ativa. Solicitação rejeitada em 09/03/2026 às 19:05");
            messages.send(MessageFraming.header(0)).expect("Msg received");

            try (RawClient extra = server.connect(LegacyPort.FILES)) {
                extra.expect("Conexões demais a partir do seu endereço (limite 3); tente novamente mais tarde.");
                extra.expectClosed();
            }
        }
    }
}
