package chamada.server;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.testing.CheckInsUntilKilled;
import chamada.testing.ChildServer;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/** A server killed with SIGKILL under load loses nothing it acknowledged. */
class CrashTest {

    private static final int CLASSES = 5;
    private static final int WRITERS = 40;
    private static final int ACKS_BEFORE_KILL = 3_000;

    @TempDir
    Path dir;

    @Test
    void killDashNine_underLoad_keepsEveryAcknowledgedCheckInAndOpenRollCall() throws Exception {
        Path database = dir.resolve("crash.db");
        Map<Integer, Set<String>> acknowledged;
        try (ChildServer child = ChildServer.start(database)) {
            try (ChamadaClient teacher = client(child.port())) {
                for (int c = 1; c <= CLASSES; c++) {
                    as(teacher.open(new ClassId(c)), Response.Opened.class);
                }
            }
            acknowledged = CheckInsUntilKilled.run(child.port(), CLASSES, WRITERS, ACKS_BEFORE_KILL, child::kill);
        }

        try (ChildServer restarted = ChildServer.start(database);
             ChamadaClient teacher = client(restarted.port())) {
            int total = 0;
            for (int c = 1; c <= CLASSES; c++) {
                Response.RollCallReply status = as(teacher.status(new ClassId(c)), Response.RollCallReply.class);
                Set<String> present = new java.util.HashSet<>(
                        status.rollCall().present().stream().map(x -> x.matricula().value()).toList());
                assertThat(present).as("class %d keeps every acknowledged check-in", c)
                        .containsAll(acknowledged.getOrDefault(c, Set.of()));
                total += acknowledged.getOrDefault(c, Set.of()).size();
            }
            assertThat(total).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        }
    }

    private static ChamadaClient client(int port) {
        return ChamadaClient.connect("127.0.0.1", port, Lang.EN, TestServer.CLIENT_TIMEOUT);
    }
}
