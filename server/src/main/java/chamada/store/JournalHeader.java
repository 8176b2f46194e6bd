package chamada.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The first bytes of a journal segment: that it is one, and the format version of the
 * records after it.
 *
 * <p>Design note. A header is the magic number {@code CHAMJRNL} (8 ASCII bytes) and the
 * version (4 bytes, big-endian), 12 bytes in all; the records follow ({@link JournalCodec}).
 * Offsets in a segment, as {@link JournalPosition} keeps them, count from the file's first
 * byte, header included, in every version. Segments written before there was a header are
 * version 0: records from byte 0. The first byte tells them apart: a record starts with its
 * length, at most {@link JournalCodec#MAX_BODY_BYTES}, so with a zero byte, and the magic
 * does not.
 *
 * <p>The version rule. A build reads every version up to {@link #VERSION} and refuses, naming
 * the file, a segment of a later one: it never skips records it cannot read. The version goes
 * up when a build of the one before would misread the records: a change to the framing
 * (length, checksum) or to this header. A new kind of record, or new fields in one, take a
 * new kind number instead; a build that does not know the kind stops at it
 * ({@link UnknownRecordException}), and a journal without that kind still reads in older
 * builds.
 *
 * <p>The header is written and fsynced before any record ({@link JournalFiles#create}), so a
 * crash can cut short only a header with nothing after it.
 */
final class JournalHeader {

    /** The version this build writes, and the newest it reads. */
    static final int VERSION = 1;

    /** Magic and version: where the records of a segment of this version start. */
    static final int BYTES = 12;

    private static final ByteBuffer MAGIC = ByteBuffer.wrap("CHAMJRNL".getBytes(StandardCharsets.US_ASCII))
            .asReadOnlyBuffer();

    private JournalHeader() {
    }

    /** This build's header, for the start of a new segment. */
    static ByteBuffer bytes() {
        return ByteBuffer.allocate(BYTES).put(MAGIC.duplicate()).putInt(VERSION).flip();
    }

    /**
     * Where the records in {@code segment}, the bytes of the file {@code path}, start: after
     * its header, or at byte 0 in a segment of version 0. Throws {@link StoreUnavailableException}
     * naming {@code database} and the file for a version this build does not read, and for a
     * start that is neither a header nor a record with more than zeros after it. A header cut
     * short by a crash has only zeros after it, and starts at 0 too: read as a record, it is
     * a write cut short at the end of the journal, or damage anywhere else.
     */
    static int recordsStart(ByteBuffer segment, Path database, Path path) {
        if (!segment.hasRemaining() || segment.get(0) == 0) {
            return 0;
        }
        boolean magic = segment.limit() >= BYTES && segment.slice(0, MAGIC.capacity()).equals(MAGIC);
        int version = magic ? segment.getInt(MAGIC.capacity()) : 0;
        if (version == VERSION) {
            return BYTES;
        }
        if (version > VERSION) {
            throw new StoreUnavailableException(StoreProblem.JOURNAL_NEWER_FORMAT, database, null, path, version,
                    VERSION);
        }
        for (int i = BYTES; i < segment.limit(); i++) {
            if (segment.get(i) != 0) {
                // No build writes a record before its header is whole, nor a header of version 0 or below.
                throw new StoreUnavailableException(StoreProblem.JOURNAL_DAMAGED, database, null, path,
                        magic ? MAGIC.capacity() : 0);
            }
        }
        return 0;
    }
}
