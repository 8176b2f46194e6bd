package chamada.store;

import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal writer's group commit under many virtual threads writing at once, as
 * connections do: writes share fsyncs, every one lands once, and futures complete in the
 * order the writes were taken.
 */
class SqliteConcurrencyTest {

    private static final int THREADS = 200;
    private static final int CHECK_INS_PER_THREAD = 50;
    private static final int CLASSES = 10;

    @TempDir
    Path dir;

    @Test
    void checkIn_manyVirtualThreadsAtOnce_everyRowExactlyOnceAndFsyncsAreShared() {
        Path file = dir.resolve("chamada.db");
        try (SqliteRollCallStore store = SqliteRollCallStore.open(file, Stores.ZONE)) {
            for (int c = 1; c <= CLASSES; c++) {
                await(store.open(classId(c), ANA, time(1_000)));
            }
            long commitsBefore = store.writeStats().commits();

            // Each thread submits all its check-ins, then waits: like many connections whose
            // students arrive together, and the way to make sure writes pile up for the writer.
            List<CheckInResult> results = new CopyOnWriteArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    threads.submit(() -> {
                        List<CompletableFuture<CheckInResult>> mine = new ArrayList<>();
                        for (int i = 0; i < CHECK_INS_PER_THREAD; i++) {
                            mine.add(store.checkIn(classOf(thread, i), new Matricula(matricula(thread, i)),
                                    time(2_000 + i)));
                        }
                        mine.forEach(f -> results.add(await(f)));
                    });
                }
            }

            int writes = THREADS * CHECK_INS_PER_THREAD;
            assertThat(results).hasSize(writes).allMatch(CheckInResult.Registered.class::isInstance);
            WriteStats stats = store.writeStats();
            assertThat(stats.failed()).isZero();
            assertThat(stats.commits() - commitsBefore).isPositive().isLessThan(writes);
        }

        try (SqliteRollCallStore store = SqliteRollCallStore.open(file, Stores.ZONE)) {
            List<String> stored = new ArrayList<>();
            for (int c = 1; c <= CLASSES; c++) {
                await(store.openRollCall(classId(c))).orElseThrow().present()
                        .forEach(checkIn -> stored.add(checkIn.matricula().value()));
            }
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
    void writes_manyQueuedAtOnce_completeInSubmissionOrder() {
        try (SqliteRollCallStore store = SqliteRollCallStore.open(dir.resolve("chamada.db"), Stores.ZONE)) {
            List<CompletableFuture<?>> futures = new ArrayList<>();
            futures.add(store.open(classId(1), ANA, time(1_000)));
            for (int i = 0; i < 5_000; i++) {
                futures.add(store.checkIn(classId(1), new Matricula(Integer.toString(i)), time(2_000)));
            }
            futures.add(store.close(classId(1), ANA, time(3_000)));

            // Each callback runs once its future is complete; the one before it must be complete by then.
            // (Recording the order callbacks run in would not do: a thread woken from get() helps run the
            // future's callbacks, racing the writer, so one may run after a later future's.)
            List<Integer> completedBeforeThePrevious = new CopyOnWriteArrayList<>();
            for (int i = 1; i < futures.size(); i++) {
                CompletableFuture<?> previous = futures.get(i - 1);
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

    private static ClassId classOf(int thread, int i) {
        return classId(1 + (thread + i) % CLASSES);
    }

    private static String matricula(int thread, int i) {
        return String.format("%04d%04d", thread, i);
    }
}
