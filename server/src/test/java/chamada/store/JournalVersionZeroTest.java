package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.RollCall;
import chamada.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.BRUNO;
import static chamada.store.Stores.await;
import static chamada.store.Stores.checkIn;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal segment from before segments had a header ({@code src/test/resources/journal-v0/},
 * made by that build; its README says how): a server upgraded after a crash replays it whole.
 */
class JournalVersionZeroTest {

    /** 2025-03-10 08:00 -03:00, the first write's time in the kept segment. */
    private static final long T = 1_741_604_400_000L;

    /** Where roll call 1's five records end in the kept segment. */
    private static final int FIRST_ROLL_CALL_END = 157;
    /** Where the last record, the check-in into roll call 2, starts and ends; zeros follow. */
    private static final int LAST_RECORD_START = 193;
    private static final int RECORDS_END = 227;

    private static final RollCall FIRST = new RollCall(classId(1010), ANA, time(T), Optional.of(time(T + 3_000_000)),
            List.of(checkIn("20250001", T + 61_000), checkIn("20250002", T + 62_500), checkIn("0042", T + 63_750)));
    private static final RollCall SECOND = new RollCall(classId(2020), BRUNO, time(T + 7_200_000), Optional.empty(),
            List.of(checkIn("20250003", T + 7_260_001)));

    @TempDir
    Path dir;

    private Path database() {
        return dir.resolve("chamada.db");
    }

    @Test
    void open_segmentWrittenBeforeTheHeader_replaysEveryRecord() throws Exception {
        Journals.createDatabase(database());
        copyKeptSegment();

        try (CapturedLog log = CapturedLog.of(SqliteApplier.class);
             SqliteRollCallStore store = SqliteRollCallStore.open(database(), Stores.ZONE)) {
            assertThat(await(store.openRollCall(SECOND.classId()))).contains(SECOND);
            assertThat(await(store.closedRollCalls(classId(1010)))).containsExactly(FIRST);
            assertThat(log.lines()).noneMatch(line -> line.startsWith("WARN"));
        }
    }

    /** A position the old build recorded in its segment counts bytes from the file's start, as now. */
    @Test
    void open_segmentWrittenBeforeTheHeaderPartlyApplied_replaysOnlyTheRest() throws Exception {
        Journals.createDatabase(database());
        List<Write> firstRollCall = Journals.decodeAll(Files.readAllBytes(keptSegment())).subList(0, 5);
        Journals.applyDirectly(database(), firstRollCall, new JournalPosition(1, FIRST_ROLL_CALL_END));
        copyKeptSegment();

        // A write applied twice would be refused by SQLite and stop the start-up.
        try (SqliteRollCallStore store = SqliteRollCallStore.open(database(), Stores.ZONE)) {
            assertThat(await(store.openRollCall(SECOND.classId()))).contains(SECOND);
            assertThat(await(store.closedRollCalls(classId(1010)))).containsExactly(FIRST);
        }
    }

    /** The old segment's last write cut short by the crash: the torn-tail rule holds for it as before. */
    @Test
    void open_segmentWrittenBeforeTheHeaderEndingInACutShortWrite_leavesOutOnlyTheCutRecord() throws Exception {
        Journals.createDatabase(database());
        byte[] bytes = Files.readAllBytes(keptSegment());
        Arrays.fill(bytes, LAST_RECORD_START + 20, RECORDS_END, (byte) 0); // its last bytes never reached the disk
        Journals.writeFile(database(), 1, bytes);

        try (CapturedLog log = CapturedLog.of(SqliteApplier.class);
             SqliteRollCallStore store = SqliteRollCallStore.open(database(), Stores.ZONE)) {
            assertThat(await(store.openRollCall(SECOND.classId()))).contains(new RollCall(SECOND.classId(),
                    SECOND.teacher(), SECOND.openedAt(), Optional.empty(), List.of()));
            assertThat(await(store.closedRollCalls(classId(1010)))).containsExactly(FIRST);
            assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN Left out the last 20 bytes"));
        }
    }

    /** The journal goes on past the old segment, and what is written then survives the next start. */
    @Test
    void write_afterReplayingASegmentWrittenBeforeTheHeader_isKeptAcrossReopen() throws Exception {
        Journals.createDatabase(database());
        copyKeptSegment();
        CheckIn late = checkIn("20250004", T + 7_300_000);

        try (SqliteRollCallStore store = SqliteRollCallStore.open(database(), Stores.ZONE)) {
            await(store.checkIn(SECOND.classId(), late.matricula(), late.at()));
        }

        try (SqliteRollCallStore store = SqliteRollCallStore.open(database(), Stores.ZONE)) {
            assertThat(await(store.openRollCall(SECOND.classId())).orElseThrow().present())
                    .containsExactly(SECOND.present().getFirst(), late);
        }
    }

    private void copyKeptSegment() throws Exception {
        Path folder = Files.createDirectories(JournalFiles.of(database()).folder());
        Files.copy(keptSegment(), folder.resolve("0000000001.seg"));
    }

    private static Path keptSegment() throws URISyntaxException {
        return Path.of(JournalVersionZeroTest.class.getResource("/journal-v0/0000000001.seg").toURI());
    }
}
