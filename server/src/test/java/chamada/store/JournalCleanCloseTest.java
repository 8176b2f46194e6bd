package chamada.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.checkIn;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clean stop applies every journaled write to SQLite and deletes the segments that held
 * them (as {@link SqliteRollCallStore#close()} and {@link SqliteApplier} say), so the
 * database file alone holds everything: what an operator copies as a backup.
 */
class JournalCleanCloseTest {

    @TempDir
    Path dir;

    @Test
    void close_afterWrites_leavesNoJournalSegment() {
        Path file = dir.resolve("chamada.db");
        try (SqliteRollCallStore store = SqliteRollCallStore.open(file, Stores.ZONE)) {
            long id = store.newRollCallId();
            await(store.open(id, classId(1), ANA, time(1_000)));
            await(store.checkIn(id, checkIn("0042", 1_001)));
            assertThat(Journals.segments(file)).as("while open").containsExactly(1L);
        }

        assertThat(Journals.segments(file)).as("after a clean close").isEmpty();
    }

    @Test
    void close_afterWrites_leavesTheDatabaseFileCompleteWithoutItsWal() throws Exception {
        Path file = dir.resolve("chamada.db");
        List<Write> history = RandomWrites.history(new Random(6), 300, Snapshot.CLASSES);
        try (SqliteRollCallStore store = SqliteRollCallStore.open(file, Stores.ZONE)) {
            for (Write write : history) {
                await(Stores.submit(store, write));
            }
        }
        Path copy = Files.createDirectories(dir.resolve("backup")).resolve("chamada.db");
        Files.copy(file, copy); // the file alone: no -wal, no journal folder

        try (SqliteRollCallStore store = SqliteRollCallStore.open(copy, Stores.ZONE)) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history));
        }
    }
}
