package chamada.protocol.legacy;

import chamada.error.ChamadaException;
import chamada.error.Fields;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCall;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The wire format of the seed's roll call ({@code seeds/000}, port 5050): messages
 * {@code <input>,<client_code>} in, the seed's Portuguese texts out.
 *
 * <p>Design note. The seed has no framing: its server takes what one {@code recv(1024)}
 * returns as one message. {@link #messageEnd} adds what can be added without breaking that:
 * every valid message ends with {@code ,teacher} or {@code ,student}, and every valid message
 * starts with a digit, so a code followed by the end of the bytes, or by a digit, ends a
 * message. That rejoins a message split over two reads and splits two messages that arrived in
 * one read; anything else (a code followed by other text) stays one message, as in the seed.
 * Optional white space after the code (a person typing in {@code nc}) belongs to the message.
 *
 * <p>Parsing is more forgiving than the seed and stricter than it: the client code is what
 * follows the <em>last</em> comma, white space around each part is ignored, and the class
 * and matrícula follow the native rules ({@link ClassId#parse}, {@link Matricula}), so
 * {@code 01010} is class 1010. Stateless and thread-safe.
 */
public final class LegacyRollCallCodec {

    /** The most one message may take, as the seed's {@code recv(1024)}. */
    public static final int MAX_MESSAGE_BYTES = 1024;

    public static final String TEACHER = "teacher";
    public static final String STUDENT = "student";

    private static final byte[][] CODES = {("," + TEACHER).getBytes(StandardCharsets.US_ASCII),
            ("," + STUDENT).getBytes(StandardCharsets.US_ASCII)};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'às' HH:mm");

    private LegacyRollCallCodec() {
    }

    /** What one message asks for; bad input becomes {@link LegacyRollCallMessage.Invalid}, never an exception. */
    public static LegacyRollCallMessage decode(String text) {
        String message = text.strip();
        int comma = message.lastIndexOf(',');
        if (comma < 0) {
            return new LegacyRollCallMessage.Invalid(LegacyText.NO_COMMA.format(Fields.echo(message)));
        }
        String input = message.substring(0, comma).strip();
        String client = message.substring(comma + 1).strip();
        try {
            return switch (client) {
                case TEACHER -> new LegacyRollCallMessage.Toggle(ClassId.parse(input));
                case STUDENT -> student(input);
                default -> new LegacyRollCallMessage.Invalid(LegacyText.UNKNOWN_CLIENT.format(Fields.echo(client)));
            };
        } catch (ChamadaException e) {
            return new LegacyRollCallMessage.Invalid(e.message(Lang.PT_BR));
        }
    }

    private static LegacyRollCallMessage student(String input) {
        int slash = input.indexOf('/');
        if (slash < 0) {
            return new LegacyRollCallMessage.Invalid(LegacyText.NO_SLASH.format(Fields.echo(input)));
        }
        Matricula matricula = new Matricula(input.substring(0, slash).strip());
        return new LegacyRollCallMessage.CheckIn(matricula, ClassId.parse(input.substring(slash + 1).strip()));
    }

    /**
     * The seed's text for a reply of the rules: opened, closed with the list, registered,
     * already registered, refused; a failure is its (Portuguese) message.
     *
     * @throws IllegalArgumentException for a reply no legacy message can get
     */
    public static String reply(Response response) {
        return switch (response) {
            case Response.Opened opened -> LegacyText.OPENED.format(opened.classId(), time(opened.openedAt()));
            case Response.RollCallReply reply -> closed(reply.rollCall());
            case Response.CheckedIn checkedIn -> checkedIn.alreadyRegistered()
                    ? LegacyText.ALREADY_REGISTERED.format()
                    : LegacyText.REGISTERED.format(checkedIn.classId(), time(checkedIn.at()));
            case Response.CheckInRefused refused -> switch (refused.code()) {
                case NOT_OPEN -> LegacyText.NOT_OPEN.format(time(refused.at()));
                case CODE_REQUIRED -> LegacyText.CODE_REQUIRED.format(time(refused.at()));
                default -> LegacyText.REFUSED.format(refused.message(), time(refused.at()));
            };
            case Response.Failure failure -> failure.message();
            case Response.Hello hello -> notLegacy(hello);
            case Response.LoggedIn loggedIn -> notLegacy(loggedIn);
            case Response.Resumed resumed -> notLegacy(resumed);
            case Response.History history -> notLegacy(history);
            case Response.Export export -> notLegacy(export);
            case Response.Backup backup -> notLegacy(backup);
            case Response.Health health -> notLegacy(health);
            case Response.Help help -> notLegacy(help);
            case Response.Goodbye goodbye -> notLegacy(goodbye);
            case Response.RosterList roster -> notLegacy(roster);
            case Response.RosterStaged staged -> notLegacy(staged);
            case Response.RosterImported imported -> notLegacy(imported);
            case Response.Marked marked -> notLegacy(marked);
            case Response.Audit audit -> notLegacy(audit);
            case Response.Report report -> notLegacy(report);
            case Response.ClassDefaults defaults -> notLegacy(defaults);
            case Response.Teachers teachers -> notLegacy(teachers);
            case Response.AccountChanged changed -> notLegacy(changed);
            case Response.Assigned assigned -> notLegacy(assigned);
            case Response.Assignments assignments -> notLegacy(assignments);
            case Response.StudentData data -> notLegacy(data);
            case Response.Forgotten forgotten -> notLegacy(forgotten);
            case Response.MessageSent sent -> notLegacy(sent);
            case Response.Inbox inbox -> notLegacy(inbox);
            case Response.MarkedRead read -> notLegacy(read);
            case Response.Anonymous anonymous -> notLegacy(anonymous);
            case Response.QuestionShown shown -> notLegacy(shown);
            case Response.Watching watching -> notLegacy(watching);
            case Response.Materials materials -> notLegacy(materials);
            case Response.UploadReady ready -> notLegacy(ready);
            case Response.Uploaded uploaded -> notLegacy(uploaded);
            case Response.Download download -> notLegacy(download);
            case Response.MaterialRemoved removed -> notLegacy(removed);
        };
    }

    private static String closed(RollCall rollCall) {
        OffsetDateTime closedAt = rollCall.closedAt()
                .orElseThrow(() -> new IllegalArgumentException("the roll call of class " + rollCall.classId() + " is still open"));
        List<String> present = rollCall.present().stream().map(CheckIn::matricula).map(Matricula::value).toList();
        return LegacyText.CLOSED.format(rollCall.classId(), time(closedAt), PythonLiteral.list(present));
    }

    private static String notLegacy(Response response) {
        throw new IllegalArgumentException("no legacy roll-call message gets " + response);
    }

    /** {@code dd/MM/yyyy às HH:mm} (Python's {@code %d/%m/%Y às %H:%M}), in the zone the time carries: the server's. */
    public static String time(OffsetDateTime time) {
        return TIME.format(time);
    }

    /**
     * Where the first complete message in {@code bytes[0, length)} ends (see the design note),
     * or -1 when no message is known to be complete yet.
     */
    public static int messageEnd(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            for (byte[] code : CODES) {
                if (startsWith(bytes, length, i, code)) {
                    int end = i + code.length;
                    while (end < length && isSpace(bytes[end])) {
                        end++;
                    }
                    if (end == length || (bytes[end] >= '0' && bytes[end] <= '9')) {
                        return end;
                    }
                }
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int length, int at, byte[] prefix) {
        if (at + prefix.length > length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (bytes[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
