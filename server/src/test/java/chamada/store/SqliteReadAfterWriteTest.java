package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallStore.StoredRollCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.checkIn;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes are acknowledged from the journal, before SQLite has them, yet reads are served from
 * SQLite: a read made after a write is acknowledged must still see it, whoever else is writing.
 */
class SqliteReadAfterWriteTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 12;
    private static final int CHECK_INS = 20;

    @TempDir
    Path dir;

    @Test
    void reads_rightAfterWritesFromManyThreadsComplete_includeThem() {
        try (SqliteRollCallStore store = SqliteRollCallStore.open(dir.resolve("chamada.db"), Stores.ZONE);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> teachers = new ArrayList<>();
            for (int t = 1; t <= THREADS; t++) {
                ClassId classId = new ClassId(t);
                teachers.add(CompletableFuture.runAsync(() -> rollCallsOneAfterAnother(store, classId), threads));
            }
            teachers.forEach(Stores::await);

            List<CompletableFuture<List<PastRollCall>>> histories = new ArrayList<>();
            for (int t = 1; t <= THREADS; t++) {
                histories.add(store.history(new ClassId(t)));
            }
            assertThat(histories).allSatisfy(history -> assertThat(await(history)).hasSize(ROUNDS));
            assertThat(store.openRollCalls()).isEmpty();
        }
    }

    /** One teacher's rounds, each read right after its last write is acknowledged. */
    private static void rollCallsOneAfterAnother(SqliteRollCallStore store, ClassId classId) {
        List<RollCall> closed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long id = store.newRollCallId();
            long openedAt = 1_700_000_000_000L + 1_000_000L * round + classId.value();
            await(store.open(id, classId, ANA, time(openedAt)));
            assertThat(store.openRollCalls()).extracting(StoredRollCall::id).as("open of %d", id).contains(id);

            List<CheckIn> present = new ArrayList<>();
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < CHECK_INS; i++) {
                CheckIn checkIn = checkIn(String.format("%03d%03d", classId.value(), i), openedAt + 1 + i);
                present.add(checkIn);
                writes.add(store.checkIn(id, checkIn));
            }
            writes.add(store.close(id, time(openedAt + 500)));
            writes.forEach(Stores::await);
            closed.add(new RollCall(classId, ANA, time(openedAt), Optional.of(time(openedAt + 500)), present));

            assertThat(await(store.closedRollCalls(classId))).as("class %s after round %d", classId, round)
                    .isEqualTo(closed);
            assertThat(await(store.history(classId))).as("class %s after round %d", classId, round)
                    .hasSize(round + 1).last().extracting(PastRollCall::count).isEqualTo(CHECK_INS);
        }
    }
}
