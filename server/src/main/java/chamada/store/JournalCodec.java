package chamada.store;

import chamada.attendance.Reason;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.CodeSecret;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.roster.Roster;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The bytes of one journal record, and back.
 *
 * <p>A record is {@code length (4 bytes) | crc32c of the body (4) | body}, big-endian; the
 * body is a kind byte and the write's fields. The checksum is what tells a record that
 * reached the disk whole from the torn end of a write cut short by a crash, and from the
 * zeros a file system may leave after it: {@link #decode} answers empty for both, and the
 * journal ends there. A whole record this build cannot read is neither: {@link #decode}
 * throws {@link UnknownRecordException}. Records follow a segment's {@link JournalHeader}.
 */
final class JournalCodec {

    /** Length and checksum. */
    static final int HEADER_BYTES = 8;

    /** No record is longer, but a {@link #ROSTER}: a length beyond it is damage, not a record. */
    static final int MAX_BODY_BYTES = 1_024;

    /**
     * A roster record's limit: {@link chamada.roster.Roster#MAX_STUDENTS} students with the
     * longest matrículas and names. Below 2^24, so a record's first byte is still zero
     * ({@link JournalHeader}). The writer appends such a record on its own
     * ({@link JournalWriter}), so a crash tears at most one of them.
     */
    static final int MAX_LARGE_BODY_BYTES = 4 << 20;

    private static final byte OPEN = 1;
    private static final byte CHECK_IN = 2;
    private static final byte CLOSE = 3;
    /** An open whose rules differ from {@link CheckInRules#none()}: codes, shared devices. */
    private static final byte OPEN_WITH_RULES = 4;
    private static final byte CHECK_IN_FROM_DEVICE = 5;
    private static final byte REPLACE = 6;
    /** A close with its closer (issue 13); {@link #CLOSE} records, from before, name none. */
    private static final byte CLOSE_BY = 7;
    /** An open with a roster's or lateness's choices (issue 13): the rules of {@link #OPEN_WITH_RULES}, then those. */
    private static final byte OPEN_WITH_RECORDS = 8;
    /** A class's whole roster, replaced; the one kind that may exceed {@link #MAX_BODY_BYTES}. */
    private static final byte ROSTER = 9;
    /** A teacher's correction of a student's status. */
    private static final byte MARK = 10;
    /** A student forgotten: the matrícula and the pseudonym that replaces it. */
    private static final byte FORGET = 11;
    /** A retention purge: the cutoff. */
    private static final byte PURGE = 12;

    /** A status's byte, fixed here as {@link #POLICY_BYTES} are. */
    private static final List<AttendanceStatus> STATUS_BYTES = List.of(AttendanceStatus.PRESENT, AttendanceStatus.LATE,
            AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT);

    /** A code policy's byte, fixed here: reordering the enum must not change what old records mean. */
    private static final List<CodePolicy> POLICY_BYTES = List.of(CodePolicy.NONE, CodePolicy.ROTATING, CodePolicy.FIXED);

    private JournalCodec() {
    }

    /** Whether {@code write} may take more than {@link #MAX_BODY_BYTES}, and is then appended on its own. */
    static boolean isLarge(Write write) {
        return write instanceof Write.Roster;
    }

    /** The most bytes {@code write} can take, so a caller can size its buffer before {@link #encode}. */
    static int maxBytes(Write write) {
        return HEADER_BYTES + 1 + switch (write) {
            case Write.Open open -> 8 + 4 + 8 + 2 + 3 * open.teacher().value().length()
                    + 1 + 1 + 4 + 4 + 1 + open.rules().secret().bytes().length + 1 + 4;
            case Write.Purge purge -> 8;
            case Write.Forget forget -> 8 + 1 + forget.matricula().value().length() + 1
                    + forget.pseudonym().value().length() + 2 + 3 * forget.administrator().value().length();
            case Write.Mark mark -> 8 + 8 + 8 + 1 + mark.matricula().value().length() + 1
                    + 2 + 3 * mark.teacher().value().length() + 2 + 3 * mark.reason().value().length();
            case Write.Roster roster -> 4 + 4 + roster.students().stream()
                    .mapToInt(entry -> 1 + entry.matricula().value().length() + 2 + 3 * entry.name().value().length())
                    .sum();
            case Write.CheckIn checkIn -> 8 + 8 + 1 + checkIn.matricula().value().length()
                    + 1 + checkIn.device().map(device -> device.value().length()).orElse(0);
            case Write.Replace replace -> 8 + 8 + 8 + 1 + replace.device().value().length()
                    + 1 + replace.replaced().value().length() + 1 + replace.by().value().length();
            case Write.Close close -> 8 + 8 + 2 + 3 * close.closedBy().map(name -> name.value().length()).orElse(0);
        };
    }

    /** Appends {@code write} to {@code out} as one record. */
    static void encode(Write write, ByteBuffer out) {
        int start = out.position();
        out.position(start + HEADER_BYTES);
        switch (write) {
            case Write.Open open -> {
                boolean plain = open.rules().equals(CheckInRules.none());
                boolean records = open.rules().hasRecordsChoices();
                out.put(plain ? OPEN : records ? OPEN_WITH_RECORDS : OPEN_WITH_RULES).putLong(open.id())
                        .putInt(open.classId().value())
                        .putLong(open.openedAt());
                byte[] teacher = open.teacher().value().getBytes(StandardCharsets.UTF_8);
                out.putShort((short) teacher.length).put(teacher);
                if (!plain) {
                    CheckInRules rules = open.rules();
                    byte[] secret = rules.secret().bytes();
                    out.put((byte) POLICY_BYTES.indexOf(rules.policy())).put((byte) (rules.sharedDevices() ? 1 : 0))
                            .putInt((int) rules.period().toSeconds()).putInt((int) rules.grace().toSeconds())
                            .put((byte) secret.length).put(secret);
                    if (records) {
                        out.put((byte) (rules.acceptUnknown() ? 1 : 0))
                                .putInt(rules.lateAfter().map(late -> (int) late.toSeconds()).orElse(-1));
                    }
                }
            }
            case Write.Purge purge -> out.put(PURGE).putLong(purge.cutoff());
            case Write.Forget forget -> {
                out.put(FORGET).putLong(forget.at());
                putAscii(out, forget.matricula().value());
                putAscii(out, forget.pseudonym().value());
                putUtf8(out, forget.administrator().value());
            }
            case Write.Mark mark -> {
                out.put(MARK).putLong(mark.auditId()).putLong(mark.rollCallId()).putLong(mark.at());
                putAscii(out, mark.matricula().value());
                out.put((byte) STATUS_BYTES.indexOf(mark.status()));
                putUtf8(out, mark.teacher().value());
                putUtf8(out, mark.reason().value());
            }
            case Write.Roster roster -> {
                out.put(ROSTER).putInt(roster.classId().value()).putInt(roster.students().size());
                for (RosterEntry entry : roster.students()) {
                    putAscii(out, entry.matricula().value());
                    byte[] name = entry.name().value().getBytes(StandardCharsets.UTF_8);
                    out.putShort((short) name.length).put(name);
                }
            }
            case Write.CheckIn checkIn -> {
                out.put(checkIn.device().isPresent() ? CHECK_IN_FROM_DEVICE : CHECK_IN)
                        .putLong(checkIn.rollCallId()).putLong(checkIn.at());
                putAscii(out, checkIn.matricula().value());
                checkIn.device().ifPresent(device -> putAscii(out, device.value()));
            }
            case Write.Replace replace -> {
                out.put(REPLACE).putLong(replace.rollCallId()).putLong(replace.at()).putLong(replace.deviceFirstAt());
                putAscii(out, replace.device().value());
                putAscii(out, replace.replaced().value());
                putAscii(out, replace.by().value());
            }
            case Write.Close close -> {
                out.put(close.closedBy().isPresent() ? CLOSE_BY : CLOSE).putLong(close.rollCallId())
                        .putLong(close.closedAt());
                close.closedBy().ifPresent(name -> {
                    byte[] closer = name.value().getBytes(StandardCharsets.UTF_8);
                    out.putShort((short) closer.length).put(closer);
                });
            }
        }
        int end = out.position();
        int bodyLength = end - start - HEADER_BYTES;
        if (bodyLength > (isLarge(write) ? MAX_LARGE_BODY_BYTES : MAX_BODY_BYTES)) {
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
     *
     * @throws UnknownRecordException if the record is whole but of a kind, or laid out in a
     *         way, that this build does not know; the position is left where it was
     */
    static Optional<Write> decode(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < HEADER_BYTES) {
            return Optional.empty();
        }
        int bodyLength = in.getInt(start);
        if (bodyLength <= 0 || bodyLength > MAX_LARGE_BODY_BYTES || in.remaining() - HEADER_BYTES < bodyLength
                || bodyLength > MAX_BODY_BYTES && in.get(start + HEADER_BYTES) != ROSTER) {
            return Optional.empty();
        }
        ByteBuffer body = in.slice(start + HEADER_BYTES, bodyLength);
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        if ((int) crc.getValue() != in.getInt(start + 4)) {
            return Optional.empty();
        }
        Write write = body(body);
        in.position(start + HEADER_BYTES + bodyLength);
        return Optional.of(write);
    }

    private static Write body(ByteBuffer body) {
        int kind = Byte.toUnsignedInt(body.get(0));
        Write write;
        try {
            write = switch (body.get()) {
                case OPEN, OPEN_WITH_RULES, OPEN_WITH_RECORDS -> {
                    long id = body.getLong();
                    ClassId classId = new ClassId(body.getInt());
                    long openedAt = body.getLong();
                    byte[] teacher = new byte[body.getShort()];
                    body.get(teacher);
                    CheckInRules rules = kind == OPEN ? CheckInRules.none() : rules(body);
                    if (kind == OPEN_WITH_RECORDS) {
                        boolean acceptUnknown = body.get() != 0;
                        int lateAfter = body.getInt();
                        rules = new CheckInRules(rules.policy(), rules.secret(), rules.period(), rules.grace(),
                                rules.sharedDevices(), acceptUnknown,
                                lateAfter < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(lateAfter)));
                    }
                    yield new Write.Open(id, classId, new TeacherName(new String(teacher, StandardCharsets.UTF_8)),
                            openedAt, rules);
                }
                case CHECK_IN, CHECK_IN_FROM_DEVICE -> {
                    long rollCallId = body.getLong();
                    long at = body.getLong();
                    Matricula matricula = new Matricula(getAscii(body));
                    Optional<DeviceId> device = kind == CHECK_IN ? Optional.empty()
                            : Optional.of(new DeviceId(getAscii(body)));
                    yield new Write.CheckIn(rollCallId, matricula, at, device);
                }
                case REPLACE -> {
                    long rollCallId = body.getLong();
                    long at = body.getLong();
                    long deviceFirstAt = body.getLong();
                    DeviceId device = new DeviceId(getAscii(body));
                    Matricula replaced = new Matricula(getAscii(body));
                    yield new Write.Replace(rollCallId, device, replaced, new Matricula(getAscii(body)), at, deviceFirstAt);
                }
                case CLOSE, CLOSE_BY -> {
                    long rollCallId = body.getLong();
                    long closedAt = body.getLong();
                    Optional<TeacherName> closedBy = Optional.empty();
                    if (kind == CLOSE_BY) {
                        byte[] closer = new byte[body.getShort()];
                        body.get(closer);
                        closedBy = Optional.of(new TeacherName(new String(closer, StandardCharsets.UTF_8)));
                    }
                    yield new Write.Close(rollCallId, closedAt, closedBy);
                }
                case MARK -> {
                    long auditId = body.getLong();
                    long rollCallId = body.getLong();
                    long at = body.getLong();
                    Matricula matricula = new Matricula(getAscii(body));
                    AttendanceStatus status = STATUS_BYTES.get(body.get());
                    TeacherName teacher = new TeacherName(getUtf8(body));
                    yield new Write.Mark(auditId, rollCallId, matricula, status, new Reason(getUtf8(body)), teacher, at);
                }
                case PURGE -> new Write.Purge(body.getLong());
                case FORGET -> {
                    long at = body.getLong();
                    Matricula matricula = new Matricula(getAscii(body));
                    Matricula pseudonym = new Matricula(getAscii(body));
                    yield new Write.Forget(matricula, pseudonym, new TeacherName(getUtf8(body)), at);
                }
                case ROSTER -> {
                    ClassId classId = new ClassId(body.getInt());
                    int count = body.getInt();
                    if (count < 0 || count > Roster.MAX_STUDENTS) {
                        throw new IllegalArgumentException(count + " students");
                    }
                    List<RosterEntry> students = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        Matricula matricula = new Matricula(getAscii(body));
                        byte[] name = new byte[body.getShort()];
                        body.get(name);
                        students.add(new RosterEntry(matricula, new StudentName(new String(name, StandardCharsets.UTF_8))));
                    }
                    yield new Write.Roster(classId, students);
                }
                default -> throw new UnknownRecordException(kind, "a kind this build does not know", null);
            };
        } catch (UnknownRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            // Fields short, or values the domain refuses: another layout of this kind (or damage
            // the checksum missed). Either way not the journal's end, which would drop what follows.
            throw new UnknownRecordException(kind, "fields this build cannot read (" + e + ")", e);
        }
        if (body.hasRemaining()) {
            throw new UnknownRecordException(kind, body.remaining() + " bytes past the fields this build knows", null);
        }
        return write;
    }

    private static CheckInRules rules(ByteBuffer body) {
        CodePolicy policy = POLICY_BYTES.get(body.get());
        boolean sharedDevices = body.get() != 0;
        Duration period = Duration.ofSeconds(body.getInt());
        Duration grace = Duration.ofSeconds(body.getInt());
        byte[] secret = new byte[body.get()];
        body.get(secret);
        return new CheckInRules(policy, new CodeSecret(secret), period, grace, sharedDevices);
    }

    /** Text of at most 32,767 UTF-8 bytes (names, reasons), after its length in two bytes. */
    private static void putUtf8(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) bytes.length).put(bytes);
    }

    private static String getUtf8(ByteBuffer body) {
        byte[] bytes = new byte[body.getShort()];
        body.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Text of at most 127 ASCII characters (matrículas, device ids), after its length in one byte. */
    private static void putAscii(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.put((byte) bytes.length).put(bytes);
    }

    private static String getAscii(ByteBuffer body) {
        byte[] bytes = new byte[body.get()];
        body.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
