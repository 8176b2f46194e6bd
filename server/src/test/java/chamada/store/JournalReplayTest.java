package chamada.store;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.classId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up after a crash: writes acknowledged from the journal but not yet in SQLite are
 * replayed into it, once, in order. The crash is made by hand: segment files written with
 * {@link JournalCodec} beside a database whose journal position is behind them.
 */
class JournalReplayTest {

    private static final int STEPS = 600;

    @TempDir
    Path dir;

    private Path database() {
        return dir.resolve("chamada.db");
    }

    private SqliteRollCallStore open() {
        return SqliteRollCallStore.open(database(), Stores.ZONE);
    }

    @Test
    void open_journalNeverApplied_readsShowExactlyTheJournaledWritesInOrder() throws Exception {
        List<Write> history = RandomWrites.history(new Random(1), STEPS, Snapshot.CLASSES);
        Journals.createDatabase(database());
        writeSegments(history, 3);

        try (SqliteRollCallStore store = open()) {
            Snapshot expected = Snapshot.of(history);
            assertThat(expected.size()).isGreaterThan(20);
            assertThat(Snapshot.read(store)).isEqualTo(expected);
            for (int c = 1; c <= Snapshot.CLASSES; c++) {
                assertThat(await(store.history(classId(c)))).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                        .containsExactlyElementsOf(expected.history(classId(c)));
            }
        }
    }

    @Test
    void open_journalNeverApplied_deletesTheReplayedSegments() {
        Journals.createDatabase(database());
        writeSegments(RandomWrites.history(new Random(2), STEPS, Snapshot.CLASSES), 3);

        open().close();

        assertThat(Journals.segments(database())).isEmpty();
    }

    /**
     * The applier had committed part of segment 1 when the server died: the rest is replayed,
     * nothing twice (the schema refuses a write applied twice, and start-up would stop there).
     */
    @Test
    void open_journalPartlyApplied_replaysOnlyTheWritesSqliteMisses() throws Exception {
        List<Write> history = RandomWrites.history(new Random(3), STEPS, Snapshot.CLASSES);
        int applied = history.size() / 2;
        Journals.createDatabase(database());
        Journals.applyDirectly(database(), history.subList(0, applied),
                new JournalPosition(1, Journals.segmentOffset(history, applied)));
        Journals.writeSegment(database(), 1, Journals.encode(history));

        try (SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history));
        }
    }

    @Test
    void open_againAfterAReplay_givesTheSameDataOnce() throws Exception {
        List<Write> history = RandomWrites.history(new Random(4), STEPS, Snapshot.CLASSES);
        Journals.createDatabase(database());
        writeSegments(history, 2);
        open().close();

        for (int reopen = 0; reopen < 2; reopen++) {
            try (SqliteRollCallStore store = open()) {
                assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history));
            }
        }
    }

    /**
     * The real writer journals and acknowledges; then SQLite is put back as it was before
     * (the applier never ran) and the journal as the writer left it: start-up replays it all.
     */
    @Test
    void open_afterACrashBeforeSqliteHadTheWrites_replaysWhatTheWriterAcknowledged() throws Exception {
        List<Write> history = RandomWrites.history(new Random(5), STEPS, Snapshot.CLASSES);
        Journals.createDatabase(database());
        Path sqliteBefore = Files.copy(database(), dir.resolve("before-the-writes.db"));
        Path journalAtCrash = Files.createDirectory(dir.resolve("journal-at-crash"));
        try (SqliteRollCallStore store = open()) {
            Stores.submitAll(store, history).forEach(Stores::await);
            for (long segment : Journals.segments(database())) {
                Path file = JournalFiles.of(database()).segment(segment);
                Files.copy(file, journalAtCrash.resolve(file.getFileName()));
            }
        }

        crash(sqliteBefore, journalAtCrash);

        try (SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history));
        }
    }

    @Test
    void open_journalLongerThanOneReplayTransaction_replaysEveryWriteInOrder() throws Exception {
        int checkIns = 2 * SqliteApplier.REPLAY_BATCH + 500;
        List<Write> writes = new ArrayList<>(checkIns + 2);
        writes.add(new Write.Open(1, classId(1), ANA, 1_000));
        for (int i = 0; i < checkIns; i++) {
            writes.add(new Write.CheckIn(1, new Matricula(String.format("%07d", i)), 2_000 + i));
        }
        writes.add(new Write.Close(1, 9_000_000, Optional.empty()));
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(writes));

        try (SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(writes));
        }
    }

    @Test
    void write_afterAReplay_goesToTheNextSegmentAndIsKeptWithTheReplayedOnes() throws Exception {
        List<Write> history = RandomWrites.history(new Random(6), STEPS, Snapshot.CLASSES);
        Journals.createDatabase(database());
        writeSegments(history, 2);
        ClassId elsewhere = new ClassId(Integer.MAX_VALUE);

        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.open(elsewhere, ANA, Stores.time(2_000_000_000_000L))))
                    .isInstanceOf(OpenResult.Opened.class);

            assertThat(Journals.segments(database())).containsExactly(3L);
        }
        try (SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history));
            assertThat(await(store.openRollCall(elsewhere))).hasValue(new RollCall(elsewhere, ANA,
                    Stores.time(2_000_000_000_000L), Optional.empty(), List.of()));
        }
    }

    /**
     * After a clean stop every segment may be gone while SQLite says it has applied up to one:
     * the writer must go on past that number, or a later replay would start beyond its writes.
     */
    @Test
    void write_whenSqliteIsAppliedPastEverySegment_goesToASegmentPastThatOne() throws Exception {
        Journals.createDatabase(database());
        Journals.setApplied(database(), new JournalPosition(7, 40));

        try (SqliteRollCallStore store = open()) {
            await(store.open(classId(1), ANA, Stores.time(1_000)));

            assertThat(Journals.segments(database())).containsExactly(8L);
        }
    }

    /**
     * A server rotated to segment 2 and crashed before a whole record reached it; the next
     * one replayed, deleted both and was stopped; the one after wrote segment 3 and crashed
     * before applying it. Its start must find segment 3 where the journal goes on.
     */
    @Test
    void open_afterTwoCrashesAroundACutShortSegment_replaysTheSegmentWrittenInBetween() throws Exception {
        List<Write> history = RandomWrites.history(new Random(5), STEPS, Snapshot.CLASSES);
        List<Write> before = history.subList(0, history.size() / 2);
        List<Write> after = history.subList(history.size() / 2, history.size());
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(before));
        Journals.writeSegment(database(), 2, new byte[] {0, 0, 0});
        open().close();
        Journals.writeSegment(database(), 3, Journals.encode(after));

        try (SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history));
        }
    }

    /** The journal writer writes zeros ahead of its records; they end a segment, any segment, cleanly. */
    @Test
    void open_segmentsEndingInPreallocatedZeros_replaysEveryRecord() throws Exception {
        List<Write> history = RandomWrites.history(new Random(8), STEPS, Snapshot.CLASSES);
        int half = history.size() / 2;
        Journals.createDatabase(database());
        for (int s = 0; s < 2; s++) {
            byte[] records = Journals.encode(history.subList(s * half, s == 0 ? half : history.size()));
            Journals.writeSegment(database(), s + 1, Arrays.copyOf(records, records.length + JournalWriter.PREALLOCATE_BYTES));
        }

        try (CapturedLog warnings = CapturedLog.of(SqliteApplier.class); SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history));
            assertThat(warnings.lines()).noneMatch(line -> line.startsWith("WARN"));
        }
    }

    /** {@code history} split into {@code count} segments numbered from 1. */
    private void writeSegments(List<Write> history, int count) {
        int per = Math.ceilDiv(history.size(), count);
        for (int s = 0; s < count; s++) {
            List<Write> part = history.subList(s * per, Math.min(history.size(), (s + 1) * per));
            Journals.writeSegment(database(), s + 1, Journals.encode(part));
        }
    }

    /** Leaves the database file as {@code sqlite} and the journal folder holding exactly the segments in {@code journal}. */
    private void crash(Path sqlite, Path journal) throws Exception {
        Files.copy(sqlite, database(), StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(dir.resolve(database().getFileName() + suffix));
        }
        JournalFiles.of(database()).deleteBelow(Long.MAX_VALUE);
        try (var segments = Files.list(journal)) {
            for (Path segment : segments.toList()) {
                Files.copy(segment, JournalFiles.of(database()).folder().resolve(segment.getFileName()));
            }
        }
    }
}
