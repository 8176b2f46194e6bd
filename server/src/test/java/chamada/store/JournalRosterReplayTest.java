package chamada.store;

import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.Matricula;
import chamada.roster.Roster;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import chamada.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A roster in the journal after a crash: replayed whole before the check-ins after it are
 * decided, and a roster record torn by the crash (larger than any other record) left out as a
 * write never acknowledged, not taken for damage.
 */
class JournalRosterReplayTest {

    @TempDir
    Path dir;

    /** The largest roster: every matrícula 20 digits, every name 100 characters of 3 UTF-8 bytes each. */
    private final List<RosterEntry> students = new ArrayList<>();

    JournalRosterReplayTest() {
        IntStream.range(0, Roster.MAX_STUDENTS).forEach(i -> students.add(new RosterEntry(
                new Matricula(String.format("%020d", i)), new StudentName("ẽ".repeat(StudentName.MAX_LENGTH)))));
    }

    private Path database() {
        return dir.resolve("chamada.db");
    }

    @Test
    void open_rosterInTheJournal_isReplayedAndDecidesTheCheckInsAfterIt() {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(List.of(new Write.Roster(classId(1), students),
                new Write.Open(1, classId(1), ANA, 1_000, CheckInRules.none()))));

        try (SqliteRollCallStore store = SqliteRollCallStore.open(database(), Stores.ZONE)) {
            assertThat(await(store.roster(classId(1))).students()).hasSize(Roster.MAX_STUDENTS);
            assertThat(await(store.checkIn(classId(1), new Matricula("42"), time(2_000))))
                    .isInstanceOf(CheckInResult.NotInRoster.class);
            assertThat(await(store.checkIn(classId(1), students.get(42).matricula(), time(3_000))))
                    .isInstanceOf(CheckInResult.Registered.class);
        }
    }

    @Test
    void open_rosterRecordTornByACrash_isLeftOutWithAWarning() {
        byte[] whole = Journals.encode(List.of(new Write.Open(1, classId(1), ANA, 1_000, CheckInRules.none()),
                new Write.Roster(classId(1), students)));
        int rosterStart = Journals.offset(List.of(new Write.Open(1, classId(1), ANA, 1_000, CheckInRules.none()),
                new Write.Roster(classId(1), students)), 1);
        byte[] torn = Arrays.copyOf(whole, rosterStart + (whole.length - rosterStart) * 9 / 10);
        // More than a batch of ordinary records: only the roster's own bound says it is a torn write.
        assertThat(torn.length - rosterStart)
                .isGreaterThan(JournalWriter.MAX_BATCH * (JournalCodec.HEADER_BYTES + JournalCodec.MAX_BODY_BYTES));
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, torn);

        try (CapturedLog warnings = CapturedLog.of(SqliteApplier.class);
             SqliteRollCallStore store = SqliteRollCallStore.open(database(), Stores.ZONE)) {
            assertThat(await(store.roster(classId(1))).students()).isEmpty();
            assertThat(await(store.openRollCall(classId(1)))).isPresent();
            assertThat(await(store.checkIn(classId(1), new Matricula("42"), time(2_000))))
                    .isInstanceOf(CheckInResult.Registered.class);
            assertThat(warnings.lines()).anyMatch(line -> line.startsWith("WARN") && line.contains("cut short by a crash"));
        }
    }

    @Test
    void decode_aLengthPastTheUsualLimitOnARecordThatIsNotARoster_isTheJournalsEnd() {
        byte[] body = new byte[JournalCodec.MAX_BODY_BYTES + 1];
        body[0] = 2; // a check-in's kind: never that long
        assertThat(JournalCodec.decode(ByteBuffer.wrap(Journals.frame(body)))).isEmpty();
    }

    @Test
    void checkIn_afterARosterImportIsDurable_followsIt_withoutWaitingForSQLite() {
        try (SqliteRollCallStore store = SqliteRollCallStore.open(database(), Stores.ZONE)) {
            await(store.replaceRoster(classId(1), students.subList(0, 2)));
            await(store.open(classId(1), ANA, CheckInRules.none(), time(1_000)));

            assertThat(await(store.checkIn(classId(1), students.get(2).matricula(), time(2_000))))
                    .isEqualTo(new CheckInResult.NotInRoster(classId(1), students.get(2).matricula(), time(2_000)));
            assertThat(await(store.openRollCall(classId(1))).orElseThrow().present()).isEmpty();
            assertThat(await(store.roster(classId(1))).students()).hasSize(2);
        }
    }
}
