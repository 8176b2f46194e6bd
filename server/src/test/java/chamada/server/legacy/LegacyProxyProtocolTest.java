package chamada.server.legacy;

import chamada.protocol.legacy.MessageFraming;
import chamada.rollcall.CheckInSettings;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.Network;
import chamada.server.ServerConfig;
import chamada.testing.CapturedLog;
import chamada.testing.ProxyHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a load balancer named by {@code --trusted-proxy}, the legacy ports take the client's
 * address from the PROXY protocol header (v1 and v2), as the native port does: the rules
 * ({@code --allow-network}) and the per-address limit see the client, not the balancer.
 */
class LegacyProxyProtocolTest {

    private static final List<Network> BALANCER = List.of(Network.parse("127.0.0.1/32"));

    @TempDir
    Path dir;

    @Test
    void theSchoolNetworkRule_seesTheClientTheHeaderNames_v1AndV2() {
        try (LegacyFixture server = LegacyFixture.start(dir, config -> config.withTrustedProxies(BALANCER)
                .withCheckIns(schoolNetworkOnly()));
             RawClient teacher = server.connect(LegacyPort.ROLL_CALL);
             RawClient inSchool = server.connect(LegacyPort.ROLL_CALL);
             RawClient binary = server.connect(LegacyPort.ROLL_CALL);
             RawClient outside = server.connect(LegacyPort.ROLL_CALL)) {
            teacher.send(ProxyHeaders.v1("10.20.0.9"))
                    .exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");

            inSchool.send(ProxyHeaders.v1("10.20.0.10")).exchange("42191010/1010,student",
                    "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");
            binary.send(ProxyHeaders.v2(new byte[] {10, 20, 0, 11})).exchange("42191011/1010,student",
                    "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");
            outside.send(ProxyHeaders.v1("192.0.2.7")).exchange("42191012/1010,student",
                    "A presença só é aceita pela rede da escola; conecte-se a ela e tente novamente. "
                            + "Solicitação rejeitada em 09/03/2026 às 19:05");
        }
    }

    @Test
    void thePerAddressLimit_countsTheClients_notTheBalancer() {
        try (LegacyFixture server = LegacyFixture.start(dir, config -> config.withTrustedProxies(BALANCER)
                .withLimits(ServerConfig.DEFAULT_MAX_LINE_BYTES, ServerConfig.DEFAULT_IDLE_TIMEOUT, 1));
             RawClient first = server.connect(LegacyPort.ROLL_CALL);
             RawClient other = server.connect(LegacyPort.MESSAGES);
             RawClient again = server.connect(LegacyPort.FILES)) {
            // Each answered before the next is sent, so the first holds 10.0.0.1 when the last comes.
            first.send(ProxyHeaders.v1("10.0.0.1")).exchange("1/1,student",
                    "Esta turma não está com presença ativa. Solicitação rejeitada em 09/03/2026 às 19:05");
            other.send(ProxyHeaders.v1("10.0.0.2")).send(MessageFraming.header(0))
                    .expect("Msg received");

            again.send(ProxyHeaders.v1("10.0.0.1"));
            again.expect("Conexões demais a partir do seu endereço (limite 1); tente novamente mais tarde.");
            again.expectClosed();
        }
    }

    @Test
    void aTrustedBalancerThatSendsNoHeader_isClosedWithoutAReply() {
        try (LegacyFixture server = LegacyFixture.start(dir, config -> config.withTrustedProxies(BALANCER));
             RawClient client = server.connect(LegacyPort.ROLL_CALL)) {
            client.send("1010,teacher\r\n1010,teacher\r\n");

            client.expectClosed();
        }
    }

    @Test
    void aHeaderNamingAnAddressTheMachineCannotTake_closesTheConnection() {
        try (LegacyFixture server = LegacyFixture.start(dir, config -> config.withTrustedProxies(BALANCER));
             CapturedLog log = CapturedLog.of(LegacyListener.class);
             RawClient client = server.connect(LegacyPort.ROLL_CALL)) {
            // A zone that is no interface here: the decoder takes it, the JDK cannot.
            client.send("PROXY TCP6 fe80::1%nosuch0 ::1 50000 7070\r\n1010,teacher");

            client.expectClosed();
            assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO Legacy roll call connection from trusted proxy")
                    && line.contains("sent no readable PROXY protocol header"));
        }
    }

    @Test
    void aHeaderFromAnyoneElse_isJustABadMessage() {
        try (LegacyFixture server = LegacyFixture.start(dir);
             RawClient client = server.connect(LegacyPort.ROLL_CALL)) {
            // One segment, as a client that sent these bytes itself would.
            client.exchange(new String(ProxyHeaders.v1("10.0.0.1"), StandardCharsets.US_ASCII) + "1010,teacher",
                    "Campo class inválido: \"PROXY TCP4 10.0.0.1 127.0.0.1 50000 7070…\". "
                            + "Esperado: um número inteiro de 1 a 2147483647.");
        }
    }

    private static CheckInSettings schoolNetworkOnly() {
        return new CheckInSettings(CodePolicy.NONE, CheckInRules.DEFAULT_PERIOD, CheckInRules.DEFAULT_GRACE,
                List.of(Network.parse("10.20.0.0/16")), CheckInSettings.DEFAULT_AUTO_CLOSE_AFTER);
    }
}
