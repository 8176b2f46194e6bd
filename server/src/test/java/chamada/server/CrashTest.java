package chamada.server;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.ChildServer;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        Map<Integer, Set<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);

        try (ChildServer child = ChildServer.start(database);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try (ChamadaClient teacher = client(child.port())) {
                for (int c = 1; c <= CLASSES; c++) {
                    as(teacher.open(new ClassId(c)), Response.Opened.class);
                }
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    try (ChamadaClient student = client(child.port())) {
                        for (int i = 0; i < 1_000_000; i++) {
                            int classId = 1 + i % CLASSES;
                            String matricula = writer + "0" + i;
                            Response reply = student.checkIn(new Matricula(matricula), new ClassId(classId));
                            as(reply, Response.CheckedIn.class);
                            acknowledged.computeIfAbsent(classId, k -> ConcurrentHashMap.newKeySet()).add(matricula);
                            if (acks.incrementAndGet() == ACKS_BEFORE_KILL) {
                                enough.countDown();
                            }
                        }
                    } catch (UncheckedIOException e) {
                        // The server was killed under this writer: expected.
                    }
                    return null;
                }));
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("load reached %d acks", ACKS_BEFORE_KILL).isTrue();
            child.kill();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
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
