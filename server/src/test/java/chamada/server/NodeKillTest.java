package chamada.server;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.store.postgres.PostgresAddress;
import chamada.testing.CheckInsUntilKilled;
import chamada.testing.ChildServer;
import chamada.testing.TestPostgres;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of two nodes on one PostgreSQL killed with SIGKILL under load: the other keeps serving,
 * and every check-in the killed node acknowledged is in the database.
 */
class NodeKillTest {

    private static final int CLASSES = 5;
    private static final int WRITERS = 20;
    private static final int ACKS_BEFORE_KILL = 1_500;

    @TempDir
    Path dir;

    @Test
    void killDashNineOfOneNode_underLoad_theOtherServes_andNothingAcknowledgedIsLost() throws Exception {
        PostgresAddress database = TestPostgres.freshDatabase();
        Map<Integer, Set<String>> acknowledged;
        try (TestServer survivor = TestServer.start(dir, config -> config.withStore(
                new StoreConfig.Postgres(database, Optional.empty())))) {
            try (ChamadaClient teacher = survivor.client()) {
                for (int c = 1; c <= CLASSES; c++) {
                    assertThat(teacher.open(new ClassId(c))).isInstanceOf(Response.Opened.class);
                }
            }
            try (ChildServer victim = ChildServer.start(database)) {
                acknowledged = CheckInsUntilKilled.run(victim.port(), CLASSES, WRITERS, ACKS_BEFORE_KILL, victim::kill);
            }

            try (ChamadaClient teacher = survivor.client()) {
                assertThat(teacher.checkIn(new Matricula("999999"), new ClassId(1))).isInstanceOf(Response.CheckedIn.class);
                int total = 0;
                for (int c = 1; c <= CLASSES; c++) {
                    Response.RollCallReply status = (Response.RollCallReply) teacher.status(new ClassId(c));
                    Set<String> present = new HashSet<>(status.rollCall().present().stream()
                            .map(checkIn -> checkIn.matricula().value()).toList());
                    assertThat(present).as("class %d keeps every acknowledged check-in", c)
                            .containsAll(acknowledged.getOrDefault(c, Set.of()));
                    total += acknowledged.getOrDefault(c, Set.of()).size();
                }
                assertThat(total).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
            }
        }
    }
}
