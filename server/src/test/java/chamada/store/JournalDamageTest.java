package chamada.store;

import chamada.i18n.Lang;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.classId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A journal that does not read whole. At the end of the last segment that is a write cut
 * short by a crash, never acknowledged: left out, and the store opens. Anywhere else it is
 * damage: the store refuses to open, naming the segment, and applies nothing from there on.
 */
class JournalDamageTest {

    /** Whole records in segment 1, then in segment 2. */
    private static final int FIRST = 40;
    private static final int SECOND = 30;

    @TempDir
    Path dir;

    private final List<Write> history = RandomWrites.history(new Random(77), FIRST + SECOND + 1, Snapshot.CLASSES);
    private final List<Write> inFirst = history.subList(0, FIRST);
    private final List<Write> inSecond = history.subList(FIRST, FIRST + SECOND);
    /** The write that was being journaled when the crash came. */
    private final Write cutShort = history.getLast();

    /** What a crash can leave after the last whole record of the last segment. */
    enum Tail {
        FIRST_BYTE_OF_A_RECORD, HEADER_WITHOUT_BODY, RECORD_BUT_ITS_LAST_BYTE, ZEROS, GARBAGE;

        byte[] bytes(Write cutShort) {
            byte[] record = Journals.encode(List.of(cutShort));
            return switch (this) {
                case FIRST_BYTE_OF_A_RECORD -> Arrays.copyOf(record, 1);
                case HEADER_WITHOUT_BODY -> Arrays.copyOf(record, JournalCodec.HEADER_BYTES);
                case RECORD_BUT_ITS_LAST_BYTE -> Arrays.copyOf(record, record.length - 1);
                case ZEROS -> new byte[4_096];
                case GARBAGE -> {
                    byte[] garbage = new byte[300];
                    new Random(9).nextBytes(garbage);
                    yield garbage;
                }
            };
        }
    }

    /** How a segment that is not the last can be damaged. */
    enum Damage {
        BYTE_OF_THE_FIRST_RECORD(0), BYTE_OF_A_MIDDLE_RECORD(FIRST / 2), BYTE_OF_THE_LAST_RECORD(FIRST - 1),
        LAST_RECORD_CUT_SHORT(FIRST - 1);

        /** The first record of segment 1 that no longer reads whole. */
        final int record;

        Damage(int record) {
            this.record = record;
        }

        byte[] apply(List<Write> segment) {
            byte[] bytes = Journals.encode(segment);
            int start = Journals.offset(segment, record);
            int end = Journals.offset(segment, record + 1);
            if (this == LAST_RECORD_CUT_SHORT) {
                return Arrays.copyOf(bytes, end - 1);
            }
            bytes[(start + end) / 2] ^= 0x10;
            return bytes;
        }
    }

    private Path database() {
        return dir.resolve("chamada.db");
    }

    private SqliteRollCallStore open() {
        return SqliteRollCallStore.open(database(), Stores.ZONE);
    }

    @ParameterizedTest
    @EnumSource(Tail.class)
    void open_lastSegmentEndingInACutShortWrite_opensWithEveryWholeRecordAndNotTheCutOne(Tail tail) throws Exception {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(inFirst));
        Journals.writeSegment(database(), 2, concat(Journals.encode(inSecond), tail.bytes(cutShort)));

        try (SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history.subList(0, FIRST + SECOND)))
                    .isNotEqualTo(Snapshot.of(history));
        }
        assertThat(Journals.segments(database())).isEmpty();
    }

    /** The cut segment is not appended to: a new write after it must survive the next start. */
    @Test
    void write_afterOpeningPastACutShortWrite_isKeptAcrossReopen() throws Exception {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, concat(Journals.encode(inFirst), Tail.RECORD_BUT_ITS_LAST_BYTE.bytes(cutShort)));
        ClassId elsewhere = classId(Snapshot.CLASSES + 1);
        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.open(elsewhere, ANA, Stores.time(2_000_000_000_000L))))
                    .isInstanceOf(OpenResult.Opened.class);
        }

        try (SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(inFirst));
            assertThat(await(store.openRollCall(elsewhere))).hasValue(new RollCall(elsewhere, ANA,
                    Stores.time(2_000_000_000_000L), Optional.empty(), List.of()));
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void open_damageBeforeTheLastSegment_isRefusedNamingTheSegmentAndTheByte(Damage damage) {
        Path first = Journals.writeSegment(database(), 1, damage.apply(inFirst));
        Journals.writeSegment(database(), 2, Journals.encode(inSecond));

        StoreUnavailableException refused = refusal();

        assertThat(refused.getMessage()).contains(first.toString())
                .contains("damaged at byte " + Journals.segmentOffset(inFirst, damage.record));
        assertThat(refused.message(Lang.PT_BR)).contains(first.toString());
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void open_damageBeforeTheLastSegment_appliesNothingFromTheDamageOnAndKeepsTheJournal(Damage damage)
            throws Exception {
        Journals.createDatabase(database());
        byte[] damaged = damage.apply(inFirst);
        byte[] second = Journals.encode(inSecond);
        Path firstFile = Journals.writeSegment(database(), 1, damaged);
        Path secondFile = Journals.writeSegment(database(), 2, second);

        refusal();

        assertThat(Snapshot.read(database())).isEqualTo(Snapshot.of(inFirst.subList(0, damage.record)));
        assertThat(Journals.applied(database()))
                .isLessThanOrEqualTo(new JournalPosition(1, Journals.segmentOffset(inFirst, damage.record)));
        assertThat(firstFile).hasBinaryContent(Journals.withHeader(damaged));
        assertThat(secondFile).hasBinaryContent(Journals.withHeader(second));
    }

    /** Nothing is half done: the next attempt finds the same damage, not a lock or a changed file. */
    @Test
    void open_damagedJournalTwice_isRefusedTheSameWayBothTimes() {
        Journals.writeSegment(database(), 1, Damage.BYTE_OF_A_MIDDLE_RECORD.apply(inFirst));
        Journals.writeSegment(database(), 2, Journals.encode(inSecond));

        String first = refusal().getMessage();

        assertThat(refusal().getMessage()).isEqualTo(first);
    }

    /** A crash cuts short one append at most: bytes beyond the largest one after a bad record are damage. */
    @Test
    void open_damageInTheLastSegmentWithMoreThanABatchAfterIt_isRefused() {
        List<Write> writes = new ArrayList<>();
        writes.add(new Write.Open(1, classId(1), ANA, 1_000));
        for (int i = 0; i < 200_000; i++) {
            writes.add(new Write.CheckIn(1, new Matricula(Integer.toString(10_000_000 + i)), 2_000 + i));
        }
        byte[] bytes = Journals.encode(writes);
        int damaged = Journals.offset(writes, 2);
        assertThat(bytes.length - damaged).isGreaterThan(JournalWriter.MAX_TORN_BYTES);
        bytes[damaged + 10] ^= 0x01;
        Journals.writeSegment(database(), 1, bytes);

        StoreUnavailableException refused = refusal();

        assertThat(refused.getMessage()).contains("damaged at byte " + Journals.segmentOffset(writes, 2));
    }

    @Test
    void open_segmentMissingBetweenTwoOthers_isRefusedNamingItAndAppliesNothing() throws Exception {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(inFirst));
        Path third = Journals.writeSegment(database(), 3, Journals.encode(inSecond));

        StoreUnavailableException refused = catchThrowableOfType(StoreUnavailableException.class, this::open);

        assertThat(refused).as("open refused").isNotNull();
        assertThat(refused.problem()).isEqualTo(StoreProblem.JOURNAL_INCOMPLETE);
        assertThat(refused.getMessage()).contains(JournalFiles.of(database()).segment(2).toString());
        assertThat(Snapshot.read(database())).isEqualTo(Snapshot.of(List.of()));
        assertThat(third).exists();
    }

    private StoreUnavailableException refusal() {
        StoreUnavailableException refused = catchThrowableOfType(StoreUnavailableException.class, this::open);
        assertThat(refused).as("open refused").isNotNull();
        assertThat(refused.problem()).isEqualTo(StoreProblem.JOURNAL_DAMAGED);
        return refused;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
