package chamada.store;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.testing.ChildServer;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test-only switch that skips the journal's fsyncs, in a child JVM since it is read once
 * per JVM: health says it is on for as long as it is, in the caller's language, not only the
 * journal writer's line at start-up.
 */
class UnsafeSkipFsyncTest {

    @TempDir
    Path dir;

    @Test
    void health_withTheSwitchOn_isUnhealthyAndSaysSoInBothLanguages() throws Exception {
        try (ChildServer server = ChildServer.start(dir.resolve("chamada.db"),
                List.of("-D" + UnsafeSkipFsync.PROPERTY + "=" + UnsafeSkipFsync.CONSENT), dir.resolve("server.log"))) {
            assertThat(health(server.port(), Lang.EN)).satisfies(health -> {
                assertThat(health.healthy()).isFalse();
                assertThat(health.problem()).hasValueSatisfying(problem -> assertThat(problem)
                        .contains("FOR TESTS ONLY", UnsafeSkipFsync.PROPERTY, "power cut WILL lose"));
            });
            assertThat(health(server.port(), Lang.PT_BR).problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("SÓ PARA TESTES", UnsafeSkipFsync.PROPERTY, "queda de energia VAI perder"));
        }
    }

    private static Response.Health health(int port, Lang lang) {
        try (ChamadaClient client = ChamadaClient.connect("127.0.0.1", port, lang, TestServer.CLIENT_TIMEOUT)) {
            return as(client.call(new Request.Health()), Response.Health.class);
        }
    }
}
