package chamada.server;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.store.postgres.PostgresAddress;
import chamada.testing.ChildServer;
import chamada.testing.TestPostgres;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        Map<Integer, Set<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        try (TestServer survivor = TestServer.start(dir, config -> config.withStore(
                new StoreConfig.Postgres(database, Optional.empty())))) {
            try (ChamadaClient teacher = survivor.client()) {
                for (int c = 1; c <= CLASSES; c++) {
                    assertThat(teacher.open(new ClassId(c))).isInstanceOf(Response.Opened.class);
                }
            }
            try (ChildServer victim = ChildServer.start(database);
                 ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(threads.submit(() -> {
                        try (ChamadaClient student = client(victim.port())) {
                            for (int i = 0; i < 1_000_000; i++) {
                                int classId = 1 + i % CLASSES;
                                String matricula = writer + "0" + i;
                                Response reply = student.checkIn(new Matricula(matricula), new ClassId(classId));
                                assertThat(reply).isInstanceOf(Response.CheckedIn.class);
                                acknowledged.computeIfAbsent(classId, k -> ConcurrentHashMap.newKeySet()).add(matricula);
                                if (acks.incrementAndGet() == ACKS_BEFORE_KILL) {
                                    enough.countDown();
                                }
                            }
                        } catch (UncheckedIOException e) {
                            // The node was killed under this writer: expected.
                        }
                        return null;
                    }));
                }
                assertThat(enough.await(120, TimeUnit.SECONDS)).as("load reached %d acks", ACKS_BEFORE_KILL).isTrue();
                victim.kill();
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
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

    private static ChamadaClient client(int port) {
        return ChamadaClient.connect("127.0.0.1", port, Lang.EN, TestServer.CLIENT_TIMEOUT);
    }
}
