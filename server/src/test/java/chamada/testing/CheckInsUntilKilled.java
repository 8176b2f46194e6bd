package chamada.testing;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.io.UncheckedIOException;
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

/**
 * Students checking in, each on a connection of its own, into {@code classes} classes of a
 * server, until {@code kill} ends it once enough check-ins were acknowledged: what the crash tests
 * need to find again afterwards.
 */
public final class CheckInsUntilKilled {

    private CheckInsUntilKilled() {
    }

    /** The matrículas the server on {@code port} acknowledged, by class, before {@code kill} ran. */
    public static Map<Integer, Set<String>> run(int port, int classes, int writers, int acksBeforeKill, Runnable kill)
            throws Exception {
        return run(port, 1, classes, writers, acksBeforeKill, kill);
    }

    /** The same into classes {@code firstClass} to {@code firstClass + classes - 1}. */
    public static Map<Integer, Set<String>> run(int port, int firstClass, int classes, int writers, int acksBeforeKill,
                                                Runnable kill) throws Exception {
        Map<Integer, Set<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(threads.submit(() -> {
                    try (ChamadaClient student = ChamadaClient.connect("127.0.0.1", port, Lang.EN,
                            TestServer.CLIENT_TIMEOUT)) {
                        for (int i = 0; i < 1_000_000; i++) {
                            int classId = firstClass + i % classes;
                            String matricula = writer + "0" + i;
                            as(student.checkIn(new Matricula(matricula), new ClassId(classId)), Response.CheckedIn.class);
                            acknowledged.computeIfAbsent(classId, k -> ConcurrentHashMap.newKeySet()).add(matricula);
                            if (acks.incrementAndGet() == acksBeforeKill) {
                                enough.countDown();
                            }
                        }
                    } catch (UncheckedIOException e) {
                        // The server was killed under this writer: expected.
                    }
                    return null;
                }));
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("load reached %d acks", acksBeforeKill).isTrue();
            kill.run();
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
        }
        return acknowledged;
    }
}
