package chamada.protocol;

import chamada.rollcall.CheckInRules;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Names and formats shared by the native protocol's encoders and decoders. */
public final class Wire {

    /** Bumped only when a change would break an existing client. */
    public static final int PROTOCOL_VERSION = 1;

    /** Times on the wire: ISO-8601 with milliseconds and the server's offset, e.g. {@code 2026-11-21T08:00:01.250-03:00}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    public static final String OP = "op";
    public static final String OK = "ok";
    public static final String CODE = "code";
    public static final String MESSAGE = "message";
    public static final String CLASS = "class";
    /** A roll call's number: the store's id, as history lists it and a correction names it. */
    public static final String ID = "id";
    public static final String MATRICULA = "matricula";
    public static final String AT = "at";
    public static final String NAME = "name";
    public static final String SECRET = "secret";
    public static final String LANG = "lang";
    public static final String TEACHER = "teacher";
    public static final String OPENED_AT = "opened_at";
    public static final String CLOSED_AT = "closed_at";
    public static final String CLOSED_BY = "closed_by";
    public static final String PRESENT = "present";
    public static final String COUNT = "count";
    public static final String ROLL_CALLS = "roll_calls";
    public static final String ALREADY_REGISTERED = "already_registered";
    public static final String PROTOCOL = "protocol";
    public static final String SERVER = "server";
    public static final String OPEN_MODE = "open_mode";
    public static final String COMMANDS = "commands";
    public static final String HEALTHY = "healthy";
    public static final String PROBLEM = "problem";
    public static final String JOURNAL_LAG = "journal_lag";
    public static final String TOKEN = "token";
    public static final String CODE_POLICY = "code_policy";
    public static final String SHARED_DEVICES = "shared_devices";
    /** In a check-in request and a teacher's status reply, the check-in code; in a refusal, the error code. */
    public static final String CHECK_IN_CODE = "code";
    public static final String CODE_EXPIRES_AT = "code_expires_at";
    public static final String REPLACED = "replaced";
    public static final String WRONG_CODES = "wrong_codes";
    public static final String DEVICES_TRYING_SEVERAL = "devices_trying_several";
    public static final String ACCEPT_UNKNOWN = "accept_unknown";
    /** Minutes after the opening from which a check-in is late. */
    public static final String LATE_AFTER = CheckInRules.LATE_AFTER_FIELD;
    /** A check-in's status: {@link #PRESENT_STATUS} or {@link #LATE}. */
    public static final String STATUS = "status";
    public static final String PRESENT_STATUS = "present";
    public static final String LATE = "late";
    public static final String ABSENT = "absent";
    /** Students a teacher marked present, late or excused who have no check-in. */
    public static final String MARKED = "marked";
    /** The message a class's question screen shows, in an inbox or a {@code show} reply. */
    public static final String SHOWN = "shown";
    public static final String REASON = "reason";
    public static final String ROLL_CALL = "roll_call";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String ENTRIES = "entries";
    public static final String LATE_COUNTS_AS = "late_counts_as";
    public static final String ROLL_CALL_COUNT = "roll_call_count";
    public static final String EXCUSED = "excused";
    public static final String RATE = "rate";
    public static final String TOTALS = "totals";
    public static final String HAS_ROSTER = "has_roster";
    public static final String NOT_ON_ROSTER = "not_on_roster";
    public static final String STUDENTS = "students";
    public static final String MORE = "more";
    public static final String PART = "part";
    public static final String STAGED = "staged";
    public static final String ADDED = "added";
    public static final String RENAMED = "renamed";
    public static final String REMOVED = "removed";
    public static final String ACTION = "action";
    public static final String ADMIN = "admin";
    public static final String DISABLED = "disabled";
    public static final String FROM_FILE = "from_file";
    public static final String TEACHERS = "teachers";
    public static final String CLASSES = "classes";
    public static final String ROSTERS = "rosters";
    public static final String CHECK_INS = "check_ins";
    public static final String STATUSES = "statuses";
    public static final String REPLACEMENTS = "replacements";
    public static final String AUDIT = "audit";
    public static final String FROM_DEVICE = "from_device";
    public static final String SOURCE = "source";
    public static final String BY = "by";
    public static final String PSEUDONYM = "pseudonym";
    public static final String OFF = "off";
    public static final String TEXT = "text";
    public static final String MESSAGES = "messages";
    public static final String UNREAD = "unread";
    public static final String IDS = "ids";
    public static final String READ = "read";
    public static final String ANONYMOUS = "anonymous";
    /** What tells a pushed event's line from a reply's: a reply has {@link #OK}, an event this. */
    public static final String EVENT = "event";
    /** A material's file name; in a download, a number names it by its place in the list. */
    public static final String FILE = "file";
    public static final String NUMBER = "number";
    public static final String SIZE = "size";
    public static final String SHA256 = "sha256";
    public static final String OFFSET = "offset";
    public static final String LENGTH = "length";
    public static final String MATERIALS = "materials";
    public static final String MATERIAL_FILES = "material_files";
    public static final String PUBLISHED_AT = "published_at";
    public static final String PUBLISHED_BY = "published_by";

    private Wire() {
    }

    /** This build's version, from the jar's manifest; {@code dev} when run from classes. */
    public static String serverVersion() {
        String version = Wire.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** {@code time} as {@link #TIME} writes it. */
    public static String time(OffsetDateTime time) {
        return WireTime.format(time);
    }

    /** A time in ISO-8601 with an offset, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it. */
    public static OffsetDateTime parseTime(String text) {
        return WireTime.parse(text);
    }
}
