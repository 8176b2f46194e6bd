package chamada.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The commands of the native protocol: the {@code "op"} of a JSON request, or the first
 * word of a typed one, with the fields its typed form takes in order.
 */
public enum Op {
    HELLO("hello", List.of(Wire.LANG), 0),
    LOGIN("login", List.of(Wire.NAME, Wire.SECRET), 2),
    RESUME("resume", List.of(Wire.TOKEN), 1),
    OPEN("open", List.of(Wire.CLASS, Wire.CODE_POLICY, Wire.SHARED_DEVICES, Wire.ACCEPT_UNKNOWN, Wire.LATE_AFTER), 1),
    CLOSE("close", List.of(Wire.CLASS), 1),
    STATUS("status", List.of(Wire.CLASS), 1),
    CHECKIN("checkin", List.of(Wire.MATRICULA, Wire.CLASS, Wire.CHECK_IN_CODE), 2),
    HISTORY("history", List.of(Wire.CLASS), 1),
    EXPORT("export", List.of(Wire.CLASS), 1),
    ROSTER("roster", List.of(Wire.CLASS), 1),
    /** Typed, the reason is every word after the status; the roll call is named in JSON only. */
    MARK("mark", List.of(Wire.CLASS, Wire.MATRICULA, Wire.STATUS, Wire.REASON, Wire.ROLL_CALL), 4),
    AUDIT("audit", List.of(Wire.CLASS), 1),
    REPORT("report", List.of(Wire.CLASS, Wire.FROM, Wire.TO, Wire.LATE_COUNTS_AS), 1),
    /** JSON only: its {@code students} are a list, which no typed word can carry. */
    ROSTER_IMPORT("roster_import", List.of(Wire.CLASS, Wire.PART, Wire.MORE), 1),
    /** A class's defaults: read, or with {@code late_after} (minutes, or {@code off}) set. */
    CLASS_DEFAULTS("class_defaults", List.of(Wire.CLASS, Wire.LATE_AFTER), 1),
    /** An administrator's: every teacher's account. */
    TEACHERS("teachers", List.of(), 0),
    /** An administrator's: adds, removes, disables, enables a teacher's account or sets its secret. */
    ACCOUNT("account", List.of(Wire.ACTION, Wire.NAME, Wire.SECRET, Wire.ADMIN), 2),
    /** An administrator's: makes the names the class's teachers (none: every teacher's class). Typed, every word after the class is a name. */
    ASSIGN("assign", List.of(Wire.CLASS, Wire.TEACHERS), 1),
    /** An administrator's: every class with teachers assigned. */
    ASSIGNMENTS("assignments", List.of(), 0),
    /** An administrator's: everything held about a student (LGPD's right of access). */
    STUDENT_DATA("student_data", List.of(Wire.MATRICULA), 1),
    /** An administrator's: replaces a student's matrícula with a random pseudonym everywhere (LGPD's erasure). */
    FORGET("forget", List.of(Wire.MATRICULA), 1),
    /** A student's message to the class's teachers; typed, every word after the matrícula ({@code -}: anonymous) is the text. */
    MESSAGE("message", List.of(Wire.CLASS, Wire.MATRICULA, Wire.TEXT), 3),
    /** A teacher's: the class's messages, oldest first; with {@code unread}, only those not read yet. */
    INBOX("inbox", List.of(Wire.CLASS, Wire.UNREAD), 1),
    /** A teacher's: marks messages of the class read. Typed, every word after the class is a message's id. */
    READ("read", List.of(Wire.CLASS, Wire.IDS), 2),
    /** A teacher's: whether the class takes anonymous messages; with {@code anonymous}, first sets it. */
    ANONYMOUS("anonymous", List.of(Wire.CLASS, Wire.ANONYMOUS), 1),
    /** A teacher's: shows message ID of the class's inbox on its question screen, without its sender; {@code off}: none. */
    SHOW("show", List.of(Wire.CLASS, Wire.ID), 2),
    /** A teacher's: from the reply on, the connection is also sent the class's events as they happen. */
    WATCH("watch", List.of(Wire.CLASS), 1),
    /** A class's materials, numbered by name as the seed's menu numbers its files. */
    MATERIALS("materials", List.of(Wire.CLASS), 1),
    /** A teacher's: publishes a file; the reply asks for its SIZE bytes, a second reply says it is published. */
    UPLOAD("upload", List.of(Wire.CLASS, Wire.FILE, Wire.SIZE, Wire.SHA256), 4),
    /** A material's bytes, from {@code offset}: the reply is followed by them. */
    DOWNLOAD("download", List.of(Wire.CLASS, Wire.FILE, Wire.OFFSET), 2),
    /** A teacher's: takes a material off the class. */
    REMOVE_MATERIAL("remove_material", List.of(Wire.CLASS, Wire.FILE), 2),
    /** An administrator's: a consistent copy of the server's data; the reply is followed by the archive's bytes. */
    BACKUP("backup", List.of(), 0),
    HEALTH("health", List.of(), 0),
    HELP("help", List.of(), 0),
    QUIT("quit", List.of(), 0);

    private static final Op[] ALL = values();

    private final String wire;
    private final List<String> fields;
    private final int required;

    Op(String wire, List<String> fields, int required) {
        this.wire = wire;
        this.fields = fields;
        this.required = required;
    }

    public String wire() {
        return wire;
    }

    /** The fields in the order the typed form takes them, e.g. {@code checkin MATRICULA CLASS}. */
    public List<String> fields() {
        return fields;
    }

    /** How many of {@link #fields()}, from the first, must be present. */
    public int required() {
        return required;
    }

    /** How a person types it, e.g. {@code checkin MATRICULA CLASS}; a JSON-only command says so. */
    public String usage() {
        if (this == MARK) {
            return "mark CLASS MATRICULA STATUS REASON...";
        }
        if (this == ASSIGN) {
            return "assign CLASS [NAME...]";
        }
        if (this == MESSAGE) {
            return "message CLASS MATRICULA|- TEXT...";
        }
        if (this == READ) {
            return "read CLASS ID...";
        }
        if (this == ROSTER_IMPORT) {
            return "{\"op\":\"roster_import\",\"class\":CLASS,\"students\":[{\"matricula\":M,\"name\":N}],\"part\":1,\"more\":false}";
        }
        StringBuilder usage = new StringBuilder(wire);
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i).toUpperCase(java.util.Locale.ROOT);
            usage.append(' ').append(i < required ? field : "[" + field + "]");
        }
        return usage.toString();
    }

    public static Optional<Op> fromWire(String word) {
        // A loop over a kept array rather than a stream: this runs for every request.
        for (Op op : ALL) {
            if (op.wire.equalsIgnoreCase(word)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    public static Op of(Request request) {
        return switch (request) {
            case Request.Hello h -> HELLO;
            case Request.Login l -> LOGIN;
            case Request.Resume r -> RESUME;
            case Request.Open o -> OPEN;
            case Request.Close c -> CLOSE;
            case Request.Status s -> STATUS;
            case Request.CheckIn c -> CHECKIN;
            case Request.History h -> HISTORY;
            case Request.Export e -> EXPORT;
            case Request.RosterList r -> ROSTER;
            case Request.Mark m -> MARK;
            case Request.Audit a -> AUDIT;
            case Request.Report r -> REPORT;
            case Request.RosterImport r -> ROSTER_IMPORT;
            case Request.ClassDefaults d -> CLASS_DEFAULTS;
            case Request.Teachers t -> TEACHERS;
            case Request.Account a -> ACCOUNT;
            case Request.Assign a -> ASSIGN;
            case Request.Assignments a -> ASSIGNMENTS;
            case Request.StudentData s -> STUDENT_DATA;
            case Request.ForgetStudent f -> FORGET;
            case Request.Message m -> MESSAGE;
            case Request.Inbox i -> INBOX;
            case Request.MarkRead r -> READ;
            case Request.Anonymous a -> ANONYMOUS;
            case Request.Show s -> SHOW;
            case Request.Watch w -> WATCH;
            case Request.Materials m -> MATERIALS;
            case Request.Upload u -> UPLOAD;
            case Request.Download d -> DOWNLOAD;
            case Request.RemoveMaterial r -> REMOVE_MATERIAL;
            case Request.Backup b -> BACKUP;
            case Request.Health h -> HEALTH;
            case Request.Help h -> HELP;
            case Request.Quit q -> QUIT;
        };
    }
}
