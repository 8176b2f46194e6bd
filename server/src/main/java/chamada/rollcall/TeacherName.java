package chamada.rollcall;

import chamada.error.Expected;
import chamada.error.Fields;

import java.util.regex.Pattern;

/**
 * The name of a teacher: what the teachers file and the {@code login} request carry,
 * and who owns an open roll call.
 *
 * <p>Names in parentheses, such as {@code (open)}, are reserved for owners the server
 * itself stands for (open mode, legacy ports); {@link #ofLogin} refuses them, so no
 * person can log in as one.
 */
public record TeacherName(String value) {

    /** The wire field that carries a teacher's name. */
    public static final String FIELD = "name";

    private static final Pattern PERSON = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
    private static final Pattern RESERVED = Pattern.compile("\\([a-z]{1,20}\\)");

    /** Owns roll calls opened without a login on a server in open mode (no teachers file). */
    public static final TeacherName OPEN_MODE = new TeacherName("(open)");
    /** The server itself, closing a roll call nobody closed ({@code --auto-close-after}). */
    public static final TeacherName SERVER = new TeacherName("(server)");

    public TeacherName {
        if (!PERSON.matcher(value).matches() && !RESERVED.matcher(value).matches()) {
            throw Fields.invalid(FIELD, value, Expected.TEACHER_NAME);
        }
    }

    /** A name a person may log in as; reserved names are refused. */
    public static TeacherName ofLogin(String value) {
        if (!PERSON.matcher(value).matches()) {
            throw Fields.invalid(FIELD, value, Expected.TEACHER_NAME);
        }
        return new TeacherName(value);
    }

    /** Whether this is one of the server's own reserved owners rather than a person. */
    public boolean isReserved() {
        return RESERVED.matcher(value).matches();
    }

    /**
     * Whether this teacher may close a roll call opened by {@code owner}: their own, or one
     * owned by a reserved owner (open mode, legacy ports), which any teacher may close, since
     * otherwise adding a teachers file would leave it open for good. The {@link #SERVER} may close
     * any: a roll call left open past {@code --auto-close-after}.
     */
    public boolean mayClose(TeacherName owner) {
        return equals(owner) || owner.isReserved() || equals(SERVER);
    }

    @Override
    public String toString() {
        return value;
    }
}
