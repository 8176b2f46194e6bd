package chamada.protocol;

import chamada.attendance.AttendanceReport;
import chamada.attendance.AuditEntry;
import chamada.error.ErrorCode;
import chamada.materials.Material;
import chamada.messages.ClassMessage;
import chamada.privacy.StudentRecords;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallAlerts;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Every reply the native protocol sends. One record per wire shape; {@link #ok()} is the
 * {@code "ok"} field every reply carries.
 */
public sealed interface Response {

    /** The {@code "ok"} field. */
    boolean ok();

    /** A reply with {@code "ok":true}. */
    sealed interface Success extends Response {
        @Override
        default boolean ok() {
            return true;
        }
    }

    /** A reply with {@code "ok":false}: it always carries a stable code and a message for people. */
    sealed interface Refusal extends Response {
        ErrorCode code();

        String message();

        @Override
        default boolean ok() {
            return false;
        }
    }

    record Hello(int protocol, String server, String lang, boolean openMode) implements Success {
    }

    /**
     * Logged in; {@code token} logs the same teacher in again ({@code resume}) until it expires.
     * No token in open mode, where a login proves nothing, or from a server older than tokens.
     */
    record LoggedIn(String teacher, Optional<String> token) implements Success {
        @Override
        public String toString() {
            return "LoggedIn[teacher=" + teacher + ", token=***]";
        }
    }

    /** Logged in again with a session token. */
    record Resumed(String teacher) implements Success {
    }

    /**
     * Opened, with its check-in rules, if it asks for codes the code to show now, and after how
     * long a check-in is late (empty: never).
     */
    record Opened(int classId, OffsetDateTime openedAt, CodePolicy codePolicy, boolean sharedDevices,
                  Optional<CurrentCode> code, Optional<Duration> lateAfter) implements Success {

        /** A roll call where nobody is late. */
        public Opened(int classId, OffsetDateTime openedAt, CodePolicy codePolicy, boolean sharedDevices,
                      Optional<CurrentCode> code) {
            this(classId, openedAt, codePolicy, sharedDevices, code, Optional.empty());
        }
    }

    /**
     * The reply to {@code status} (still open, {@code closedAt} empty, with the code to show
     * now if it asks for codes) and to {@code close}, with the names of the class's roster.
     */
    record RollCallReply(RollCall rollCall, CodePolicy codePolicy, Optional<CurrentCode> code, RollCallAlerts alerts,
                         RosterNames names) implements Success {

        /** A reply with nothing to alert its teacher to and no names: a legacy port's. */
        public RollCallReply(RollCall rollCall, CodePolicy codePolicy, Optional<CurrentCode> code) {
            this(rollCall, codePolicy, code, RollCallAlerts.none(), RosterNames.none());
        }
    }

    /**
     * A check-in that registered the student now, or found them already registered at
     * {@code at}; {@code replaced} is the matrícula this device had checked in just before, and
     * this check-in replaced; {@code late}, that the student counts as late.
     */
    record CheckedIn(int classId, OffsetDateTime at, boolean alreadyRegistered, Optional<Matricula> replaced,
                     boolean late) implements Success {

        /** On time. */
        public CheckedIn(int classId, OffsetDateTime at, boolean alreadyRegistered, Optional<Matricula> replaced) {
            this(classId, at, alreadyRegistered, replaced, false);
        }
    }

    /** A check-in refused (no open roll call, a wrong code...): class 0, as in the seed, and the reason. */
    record CheckInRefused(OffsetDateTime at, ErrorCode code, String message) implements Refusal {
    }

    record History(int classId, List<PastRollCall> rollCalls) implements Success {
        public History {
            rollCalls = List.copyOf(rollCalls);
        }
    }

    record Export(int classId, List<NumberedRollCall> rollCalls, RosterNames names) implements Success {
        public Export {
            rollCalls = List.copyOf(rollCalls);
        }
    }

    /** A correction made: in roll call {@code rollCallId}, {@code matricula} was {@code from} and is {@code to}. */
    record Marked(int classId, long rollCallId, Matricula matricula, Optional<AttendanceStatus> from, AttendanceStatus to,
                  OffsetDateTime at) implements Success {
    }

    /** A class's attendance report. */
    record Report(AttendanceReport report) implements Success {
    }

    /** A class's audit, oldest first. */
    record Audit(int classId, List<AuditEntry> entries) implements Success {
        public Audit {
            entries = List.copyOf(entries);
        }
    }

    /** A class's roster, by name; empty if it has none. */
    record RosterList(int classId, List<RosterEntry> students) implements Success {
        public RosterList {
            students = List.copyOf(students);
        }
    }

    /** A part of a roster import kept until its last part: {@code staged} students so far. */
    record RosterStaged(int classId, int staged) implements Success {
    }

    /** A roster import's last part done: the class's roster is now the students sent, and what changed. */
    record RosterImported(RosterChange change) implements Success {
    }

    /** A class's defaults: its default lateness, if it has one. */
    record ClassDefaults(int classId, Optional<Duration> lateAfter) implements Success {
    }

    /** A teacher's account as an administrator sees it: never its secret's hash. */
    record TeacherAccount(String name, boolean administrator, boolean disabled, boolean fromFile) {
    }

    /** Every teacher's account, by name. */
    record Teachers(List<TeacherAccount> teachers) implements Success {
        public Teachers {
            teachers = List.copyOf(teachers);
        }
    }

    /** {@code action} done to {@code name}'s account. */
    record AccountChanged(String action, String name) implements Success {
    }

    /** The teachers of class {@code classId} now, by name; none: every teacher's class. */
    record Assigned(int classId, List<String> teachers) implements Success {
        public Assigned {
            teachers = List.copyOf(teachers);
        }
    }

    /** Every class with teachers assigned, by class number. */
    record Assignments(List<Assigned> classes) implements Success {
        public Assignments {
            classes = List.copyOf(classes);
        }
    }

    /** Everything held about a student. */
    record StudentData(StudentRecords records) implements Success {
    }

    /** A student forgotten: their records now name {@code pseudonym}. */
    record Forgotten(String pseudonym) implements Success {
    }

    /** A message stored, durably: its {@code id} in the class's inbox, and when. */
    record MessageSent(int classId, long id, OffsetDateTime at) implements Success {
    }

    /** A class's messages, oldest first. */
    record Inbox(int classId, List<ClassMessage> messages, Optional<ClassMessage> shown) implements Success {
        public Inbox {
            messages = List.copyOf(messages);
        }
    }

    /** The question the class's screen shows now, after a {@code show}; empty: none. */
    record QuestionShown(int classId, Optional<ClassMessage> shown) implements Success {
    }

    /** How many of the messages named were unread, and are now read. */
    record MarkedRead(int classId, int marked) implements Success {
    }

    /** Whether the class takes anonymous messages. */
    record Anonymous(int classId, boolean anonymous) implements Success {
    }

    /** The class's events follow on this connection, each a line with an {@code event} field. */
    record Watching(int classId) implements Success {
    }

    /** A class's materials, sorted by name: the first is number 1. */
    record Materials(int classId, List<Material> materials) implements Success {
        public Materials {
            materials = List.copyOf(materials);
        }
    }

    /** An upload accepted: the client sends the {@code size} bytes now, then gets {@link Uploaded} or a refusal. */
    record UploadReady(int classId, String file, long size) implements Success {
    }

    /** The bytes received whole and published. */
    record Uploaded(Material material) implements Success {
    }

    /** A download: {@code length} bytes of the material, from {@code offset}, follow this reply. */
    record Download(Material material, long offset, long length) implements Success {
    }

    record MaterialRemoved(int classId, String file) implements Success {
    }

    /**
     * A backup: {@code size} bytes of its archive follow this reply, whose SHA-256 is {@code sha256};
     * its database as of {@code at}, with {@code materialFiles} materials' files.
     */
    record Backup(OffsetDateTime at, long size, String sha256, int materialFiles) implements Success {
    }

    record Help(List<String> commands) implements Success {
        public Help {
            commands = List.copyOf(commands);
        }
    }

    record Goodbye(String message) implements Success {
    }

    /**
     * Whether the server keeps all its promises; when it does not, {@code problem} says what is
     * wrong and what a person should do. {@code journalLag} is how many acknowledged writes the
     * journal holds that the database does not yet (always 0 on PostgreSQL): a figure that only
     * grows says the database is not keeping up.
     */
    record Health(boolean healthy, Optional<String> problem, long journalLag) implements Success {
    }

    /** A refusal or error: a stable {@code code} and a {@code message} for people. */
    record Failure(ErrorCode code, String message) implements Refusal {
    }
}
