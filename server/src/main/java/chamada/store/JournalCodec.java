package chamada.store;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;

/**
 * The bytes of one journal record, and back.
 *
 * <p>A record is {@code length (4 bytes) | crc32c of the body (4) | body}, big-endian; the
 * body is a kind byte and the write's fields. The checksum is what tells a record that
 * reached the disk whole from the torn end of a write cut short by a crash, and from the
 * zeros a file system may leave after it: {@link #decode} answers empty for both, and the
 * journal ends there.
 */
final class JournalCodec {

    /** Length and checksum. */
    static final int HEADER_BYTES = 8;

    /** No record is longer: a length beyond it is damage, not a record. */
    static final int MAX_BODY_BYTES = 1_024;

    private static final byte OPEN = 1;
    private static final byte CHECK_IN = 2;
    private static final byte CLOSE = 3;

    private JournalCodec() {
    }

    /** The most bytes {@code write} can take, so a caller can size its buffer before {@link #encode}. */
    static int maxBytes(Write write) {
        return HEADER_BYTES + 1 + switch (write) {
            case Write.Open open -> 8 + 4 + 8 + 2 + 3 * open.teacher().value().length();
            case Write.CheckIn checkIn -> 8 + 8 + 1 + checkIn.matricula().value().length();
            case Write.Close close -> 8 + 8;
        };
    }

    /** Appends {@code write} to {@code out} as one record. */
    static void encode(Write write, ByteBuffer out) {
        int start = out.position();
        out.position(start + HEADER_BYTES);
        switch (write) {
            case Write.Open open -> {
                out.put(OPEN).putLong(open.id()).putInt(open.classId().value()).putLong(open.openedAt());
                byte[] teacher = open.teacher().value().getBytes(StandardCharsets.UTF_8);
                out.putShort((short) teacher.length).put(teacher);
            }
            case Write.CheckIn checkIn -> {
                byte[] matricula = checkIn.matricula().value().getBytes(StandardCharsets.US_ASCII);
                out.put(CHECK_IN).putLong(checkIn.rollCallId()).putLong(checkIn.at())
                        .put((byte) matricula.length).put(matricula);
            }
            case Write.Close close -> out.put(CLOSE).putLong(close.rollCallId()).putLong(close.closedAt());
        }
        int end = out.position();
        int bodyLength = end - start - HEADER_BYTES;
        if (bodyLength > MAX_BODY_BYTES) {
            // Names and matrículas are bounded far below this; a record past it could never be read back.
            throw new IllegalStateException(write + " takes " + bodyLength + " bytes, over " + MAX_BODY_BYTES);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.slice(start + HEADER_BYTES, bodyLength));
        out.putInt(start, bodyLength).putInt(start + 4, (int) crc.getValue());
    }

    /**
     * Reads the record at {@code in}'s position and moves past it; empty, with the position
     * left where it was, if the bytes there are not a whole record with a matching checksum.
     * The write comes back with its future already complete: it was durable when journaled.
     */
    static Optional<Write> decode(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < HEADER_BYTES) {
            return Optional.empty();
        }
        int bodyLength = in.getInt(start);
        if (bodyLength <= 0 || bodyLength > MAX_BODY_BYTES || in.remaining() - HEADER_BYTES < bodyLength) {
            return Optional.empty();
        }
        ByteBuffer body = in.slice(start + HEADER_BYTES, bodyLength);
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        if ((int) crc.getValue() != in.getInt(start + 4)) {
            return Optional.empty();
        }
        Optional<Write> write = body(body);
        if (write.isPresent()) {
            in.position(start + HEADER_BYTES + bodyLength);
        }
        return write;
    }

    private static Optional<Write> body(ByteBuffer body) {
        CompletableFuture<Void> durable = CompletableFuture.completedFuture(null);
        try {
            Write write = switch (body.get()) {
                case OPEN -> {
                    long id = body.getLong();
                    ClassId classId = new ClassId(body.getInt());
                    long openedAt = body.getLong();
                    byte[] teacher = new byte[body.getShort()];
                    body.get(teacher);
                    yield new Write.Open(id, classId, new TeacherName(new String(teacher, StandardCharsets.UTF_8)),
                            openedAt, durable);
                }
                case CHECK_IN -> {
                    long rollCallId = body.getLong();
                    long at = body.getLong();
                    byte[] matricula = new byte[body.get()];
                    body.get(matricula);
                    yield new Write.CheckIn(rollCallId, new Matricula(new String(matricula, StandardCharsets.US_ASCII)),
                            at, durable);
                }
                case CLOSE -> new Write.Close(body.getLong(), body.getLong(), durable);
                default -> null;
            };
            return body.hasRemaining() ? Optional.empty() : Optional.ofNullable(write);
        } catch (RuntimeException e) {
            // A matching checksum over a body that does not parse: written by a build that
            // knew other kinds, or damage the checksum missed. Either way, not a record.
            return Optional.empty();
        }
    }
}
