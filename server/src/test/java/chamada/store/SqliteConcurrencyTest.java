package chamada.store;

import chamada.rollcall.RollCallStore.StoredRollCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.checkIn;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/** Many virtual threads writing at once, as connections do: every write lands once, and writes share commits. */
class SqliteConcurrencyTest {

    private static final int THREADS = 200;
    private static final int CHECK_INS_PER_THREAD = 50;
    private static final int CLASSES = 10;

    @TempDir
    Path dir;

    @Test
    void checkIn_manyVirtualThreadsAtOnce_everyRowExactlyOnceAndCommitsAreShared() {
        Path file = dir.resolve("chamada.db");
        long[] ids = new long[CLASSES];
        try (SqliteRollCallStore store = SqliteRollCallStore.open(file, Stores.ZONE)) {
            for (int c = 0; c < CLASSES; c++) {
                ids[c] = store.newRollCallId();
                await(store.open(ids[c], classId(c + 1), ANA, time(1_000)));
            }
            long commitsBefore = store.writeStats().commits();

            // Each thread submits all its check-ins, then waits: like many connections whose
            // students arrive together, and the way to make sure writes pile up for the writer.
            List<CompletableFuture<Void>> futures = new CopyOnWriteArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    threads.submit(() -> {
                        List<CompletableFuture<Void>> mine = new ArrayList<>();
                        for (int i = 0; i < CHECK_INS_PER_THREAD; i++) {
                            mine.add(store.checkIn(ids[(thread + i) % CLASSES], checkIn(matricula(thread, i), 2_000 + i)));
                        }
                        mine.forEach(Stores::await);
                        futures.addAll(mine);
                    });
                }
            }

            int writes = THREADS * CHECK_INS_PER_THREAD;
            assertThat(futures).hasSize(writes).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
            WriteStats stats = store.writeStats();
            assertThat(stats.failed()).isZero();
            assertThat(stats.commits() - commitsBefore).isPositive().isLessThan(writes);
        }

        try (SqliteRollCallStore store = SqliteRollCallStore.open(file, Stores.ZONE)) {
            List<String> stored = store.openRollCalls().stream()
                    .flatMap(r -> r.rollCall().present().stream())
                    .map(c -> c.matricula().value())
                    .toList();
            List<String> expected = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < CHECK_INS_PER_THREAD; i++) {
                    expected.add(matricula(t, i));
                }
            }
            assertThat(stored).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void checkIn_fromOneThreadEach_keepsEachThreadsSubmissionOrderWithinItsRollCall() {
        try (SqliteRollCallStore store = SqliteRollCallStore.open(dir.resolve("chamada.db"), Stores.ZONE)) {
            long[] ids = new long[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                ids[c] = store.newRollCallId();
                await(store.open(ids[c], classId(c + 1), ANA, time(1_000)));
            }
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < CLASSES; c++) {
                    long id = ids[c];
                    int owner = c;
                    threads.submit(() -> {
                        List<CompletableFuture<Void>> mine = new ArrayList<>();
                        for (int i = 0; i < 300; i++) {
                            mine.add(store.checkIn(id, checkIn(matricula(owner, i), 2_000 + i)));
                        }
                        mine.forEach(Stores::await);
                    });
                }
            }

            Map<Long, List<String>> byRollCall = store.openRollCalls().stream().collect(Collectors.toMap(
                    StoredRollCall::id, r -> r.rollCall().present().stream().map(c -> c.matricula().value()).toList()));
            for (int c = 0; c < CLASSES; c++) {
                int owner = c;
                List<String> expected = IntStream.range(0, 300).mapToObj(i -> matricula(owner, i)).toList();
                assertThat(byRollCall.get(ids[c])).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void writes_manyQueuedAtOnce_completeInSubmissionOrder() {
        try (SqliteRollCallStore store = SqliteRollCallStore.open(dir.resolve("chamada.db"), Stores.ZONE)) {
            long id = store.newRollCallId();
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            futures.add(store.open(id, classId(1), ANA, time(1_000)));
            for (int i = 0; i < 5_000; i++) {
                futures.add(store.checkIn(id, checkIn(Integer.toString(i), 2_000)));
            }
            futures.add(store.close(id, time(3_000)));

            // Each callback runs once its future is complete; the one before it must be complete by then.
            // (Recording the order callbacks run in would not do: a thread woken from get() helps run the
            // future's callbacks, racing the writer, so one may run after a later future's.)
            List<Integer> completedBeforeThePrevious = new CopyOnWriteArrayList<>();
            for (int i = 1; i < futures.size(); i++) {
                CompletableFuture<Void> previous = futures.get(i - 1);
                int position = i;
                futures.get(i).thenRun(() -> {
                    if (!previous.isDone()) {
                        completedBeforeThePrevious.add(position);
                    }
                });
            }
            futures.forEach(Stores::await);

            assertThat(completedBeforeThePrevious).isEmpty();
        }
    }

    private static String matricula(int thread, int i) {
        return String.format("%04d%04d", thread, i);
    }
}
