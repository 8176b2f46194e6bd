package chamada.store;

import chamada.i18n.Lang;
import chamada.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The journal's format version ({@link JournalHeader}). Segments of this build's version
 * replay from after their header. A segment of a newer version, or a whole record this build
 * cannot read, stops the start-up naming the file, even at the very end of the journal: read
 * as the journal's end, it and everything after it would be lost without a word. A header cut
 * short by a crash is a write cut short like any other. Segments from before the header
 * (version 0): {@link JournalVersionZeroTest}.
 */
class JournalVersionTest {

    private static final int FIRST = 30;
    private static final int SECOND = 20;
    /** Where, among the second segment's records, a newer build's record is put. */
    private static final int UNKNOWN_AT = 8;

    /** A record of a kind this build does not know, as a newer one might write it. */
    private static final byte[] UNKNOWN_KIND = Journals.frame(new byte[] {42, 0, 0, 0, 0, 0, 0, 0, 7});

    @TempDir
    Path dir;

    private final List<Write> history = RandomWrites.history(new Random(91), FIRST + SECOND, Snapshot.CLASSES);
    private final List<Write> inFirst = history.subList(0, FIRST);
    private final List<Write> inSecond = history.subList(FIRST, FIRST + SECOND);

    private Path database() {
        return dir.resolve("chamada.db");
    }

    private SqliteRollCallStore open() {
        return SqliteRollCallStore.open(database(), Stores.ZONE);
    }

    @Test
    void open_segmentsOfThisVersion_replaysEveryRecordAfterTheirHeaders() throws Exception {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(inFirst));
        Journals.writeSegment(database(), 2, Journals.encode(inSecond));

        try (CapturedLog warnings = CapturedLog.of(SqliteApplier.class); SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(history));
            assertThat(warnings.lines()).noneMatch(line -> line.startsWith("WARN"));
        }
        assertThat(Journals.applied(database())).isEqualTo(new JournalPosition(3, 0));
    }

    @Test
    void open_segmentOfANewerVersion_isRefusedNamingTheFileAndTheVersionInBothLanguages() {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(inFirst));
        Path newer = Journals.writeFile(database(), 2, ofVersion(2, Journals.encode(inSecond)));

        StoreUnavailableException refused = refusal(StoreProblem.JOURNAL_NEWER_FORMAT);

        assertThat(refused.getMessage()).contains(newer.toString())
                .contains("format version 2, and this Chamada reads up to version 1");
        assertThat(refused.message(Lang.PT_BR)).contains(newer.toString())
                .contains("versão de formato 2, e este Chamada lê até a versão 1");
    }

    /** Left for the newer build: what came before is in SQLite, the newer segment untouched, every time. */
    @Test
    void open_segmentOfANewerVersion_appliesNothingFromItAndKeepsIt() throws Exception {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(inFirst));
        byte[] bytes = ofVersion(2, Journals.encode(inSecond));
        Path newer = Journals.writeFile(database(), 2, bytes);

        String first = refusal(StoreProblem.JOURNAL_NEWER_FORMAT).getMessage();

        assertThat(refusal(StoreProblem.JOURNAL_NEWER_FORMAT).getMessage()).isEqualTo(first);
        assertThat(Snapshot.read(database())).isEqualTo(Snapshot.of(inFirst));
        assertThat(Journals.applied(database())).isLessThan(new JournalPosition(2, 0));
        assertThat(newer).hasBinaryContent(bytes);
    }

    /** Less than a batch's worth of bytes after it, in the last segment: still not a write cut short. */
    @Test
    void open_wholeRecordOfAnUnknownKindInTheMiddleOfTheLastSegment_isRefusedNamingTheFileTheByteAndTheKind()
            throws Exception {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(inFirst));
        byte[] second = concat(Journals.encode(inSecond.subList(0, UNKNOWN_AT)), UNKNOWN_KIND,
                Journals.encode(inSecond.subList(UNKNOWN_AT, SECOND)));
        Path segment = Journals.writeSegment(database(), 2, second);
        int at = Journals.segmentOffset(inSecond, UNKNOWN_AT);

        StoreUnavailableException refused = refusal(StoreProblem.JOURNAL_UNKNOWN_RECORD);

        assertThat(refused.getMessage()).contains(segment.toString()).contains("at byte " + at + " a whole record of kind 42");
        assertThat(refused.message(Lang.PT_BR)).contains(segment.toString())
                .contains("no byte " + at + " um registro inteiro do tipo 42");
        assertThat(Journals.applied(database())).isLessThanOrEqualTo(new JournalPosition(2, at));
        assertThat(Snapshot.read(database())).isEqualTo(Snapshot.of(inFirst));
        assertThat(segment).hasBinaryContent(Journals.withHeader(second));
    }

    @Test
    void open_wholeRecordOfAnUnknownKindEndingTheLastSegment_isRefusedNotLeftOutAsACutShortWrite() {
        Path segment = Journals.writeSegment(database(), 1,
                concat(Journals.encode(inFirst), UNKNOWN_KIND, new byte[JournalWriter.PREALLOCATE_BYTES]));

        StoreUnavailableException refused = refusal(StoreProblem.JOURNAL_UNKNOWN_RECORD);

        assertThat(refused.getMessage()).contains(segment.toString())
                .contains("at byte " + Journals.segmentOffset(inFirst, FIRST) + " a whole record of kind 42");
    }

    /** A newer build might add a field to a kind this one knows. */
    @Test
    void open_wholeRecordOfAKnownKindWithMoreFields_isRefusedNamingTheKind() {
        byte[] close = Journals.encode(List.of(new Write.Close(1, 5_000, Optional.empty())));
        byte[] longer = Arrays.copyOfRange(close, JournalCodec.HEADER_BYTES, close.length + 4);
        Journals.writeSegment(database(), 1, concat(Journals.encode(inFirst), Journals.frame(longer)));

        StoreUnavailableException refused = refusal(StoreProblem.JOURNAL_UNKNOWN_RECORD);

        assertThat(refused.getMessage()).contains("a whole record of kind 3");
    }

    /** The server crashed while creating segment 2: no write went to it, none was acknowledged. */
    @ParameterizedTest(name = "{0} bytes of the header")
    @ValueSource(ints = {1, 5, 8, 11})
    void open_lastSegmentWithItsHeaderCutShort_opensWithEveryRecordBeforeIt(int kept) throws Exception {
        Journals.createDatabase(database());
        Journals.writeSegment(database(), 1, Journals.encode(inFirst));
        Path cut = Journals.writeFile(database(), 2,
                concat(Arrays.copyOf(JournalHeader.bytes().array(), kept), new byte[4_096]));

        try (CapturedLog log = CapturedLog.of(SqliteApplier.class); SqliteRollCallStore store = open()) {
            assertThat(Snapshot.read(store)).isEqualTo(Snapshot.of(inFirst));
            assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN Left out the last ") && line.contains(cut + ":"));
        }
        assertThat(Journals.segments(database())).isEmpty();
    }

    @Test
    void open_headerCutShortBeforeTheLastSegment_isRefusedAsDamageAtByte0() {
        Path cut = Journals.writeFile(database(), 1, Arrays.copyOf(JournalHeader.bytes().array(), 5));
        Journals.writeSegment(database(), 2, Journals.encode(inSecond));

        StoreUnavailableException refused = refusal(StoreProblem.JOURNAL_DAMAGED);

        assertThat(refused.getMessage()).contains(cut.toString()).contains("damaged at byte 0");
    }

    /** A header is fsynced before any record: records after a header that is not whole are damage. */
    @Test
    void open_lastSegmentWithRecordsAfterABadHeader_isRefusedAsDamageAtByte0() {
        byte[] bytes = Journals.withHeader(Journals.encode(inFirst));
        bytes[1] ^= 0x20; // "ChAMJRNL"
        Path segment = Journals.writeFile(database(), 1, bytes);

        StoreUnavailableException refused = refusal(StoreProblem.JOURNAL_DAMAGED);

        assertThat(refused.getMessage()).contains(segment.toString()).contains("damaged at byte 0");
    }

    /** Version 0 has no header; a header that says 0 was written by no build. */
    @Test
    void open_headerOfVersion0_isRefusedAsDamageAtItsVersion() {
        Path segment = Journals.writeFile(database(), 1, ofVersion(0, Journals.encode(inFirst)));

        StoreUnavailableException refused = refusal(StoreProblem.JOURNAL_DAMAGED);

        assertThat(refused.getMessage()).contains(segment.toString()).contains("damaged at byte 8");
    }

    private StoreUnavailableException refusal(StoreProblem problem) {
        StoreUnavailableException refused = catchThrowableOfType(StoreUnavailableException.class, this::open);
        assertThat(refused).as("open refused").isNotNull();
        assertThat(refused.problem()).isEqualTo(problem);
        return refused;
    }

    /** {@code records} after a header of {@code version}. */
    private static byte[] ofVersion(int version, byte[] records) {
        byte[] segment = Journals.withHeader(records);
        ByteBuffer.wrap(segment).putInt(JournalHeader.BYTES - 4, version);
        return segment;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
