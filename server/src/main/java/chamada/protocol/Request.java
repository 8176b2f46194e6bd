package chamada.protocol;

import chamada.attendance.LateCountsAs;
import chamada.attendance.Reason;
import chamada.i18n.Lang;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.messages.MessageText;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import chamada.teachers.AccountAction;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every request a client can make, whatever protocol carried it. Codecs decode into
 * these records and the server's dispatcher maps each to one service call.
 */
public sealed interface Request {

    /** Asks the protocol and server versions; may choose the language of this connection's texts. */
    record Hello(Optional<Lang> lang) implements Request {
    }

    /** Authenticates this connection as a teacher. */
    record Login(String name, String secret) implements Request {
        @Override
        public String toString() {
            return "Login[name=" + name + ", secret=***]";
        }
    }

    /** Authenticates this connection as the teacher a session token from an earlier {@code login} stands for. */
    record Resume(String token) implements Request {
        @Override
        public String toString() {
            return "Resume[token=***]";
        }
    }

    /**
     * Opens a roll call with a code policy (the server's {@code --code-policy} when empty),
     * allowing several check-ins from one device if {@code sharedDevices}, and matrículas not on
     * the class's roster if {@code acceptUnknown}, with check-ins more than {@code lateAfter}
     * after the opening late (empty: nobody is).
     */
    record Open(ClassId classId, Optional<CodePolicy> codePolicy, boolean sharedDevices, boolean acceptUnknown,
                Optional<Duration> lateAfter) implements Request {

        /** Nobody late. */
        public Open(ClassId classId, Optional<CodePolicy> codePolicy, boolean sharedDevices, boolean acceptUnknown) {
            this(classId, codePolicy, sharedDevices, acceptUnknown, Optional.empty());
        }

        /** With the server's default code policy, one check-in per device, the roster enforced, nobody late. */
        public Open(ClassId classId) {
            this(classId, Optional.empty(), false, false);
        }
    }

    record Close(ClassId classId) implements Request {
    }

    record Status(ClassId classId) implements Request {
    }

    /** A check-in, with the code typed and the device used where the front knows them (the device: the web only). */
    record CheckIn(Matricula matricula, ClassId classId, Optional<String> code, Optional<DeviceId> device)
            implements Request {

        /** Without a code or a device, as the seeds' clients send it. */
        public CheckIn(Matricula matricula, ClassId classId) {
            this(matricula, classId, Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "CheckIn[matricula=" + matricula + ", classId=" + classId + ", code=" + code.map(c -> "***").orElse("none")
                    + ", device=" + device.map(d -> "***").orElse("none") + "]";
        }
    }

    record History(ClassId classId) implements Request {
    }

    record Export(ClassId classId) implements Request {
    }

    record RosterList(ClassId classId) implements Request {
    }

    /** A teacher's correction of a student's status, in roll call {@code rollCallId} (the class's latest when empty). */
    record Mark(ClassId classId, Matricula matricula, AttendanceStatus status, Reason reason, Optional<Long> rollCallId)
            implements Request {
    }

    record Audit(ClassId classId) implements Request {
    }

    /** A class's attendance report over its closed roll calls from {@code from} to {@code to} (the school's dates). */
    record Report(ClassId classId, Optional<LocalDate> from, Optional<LocalDate> to, LateCountsAs lateCountsAs)
            implements Request {
    }

    /**
     * Part {@code part} (from 1) of a roster import: {@code students} kept with the connection
     * while {@code more} says more parts follow, and with the last part, everything sent becomes
     * the class's whole roster at once. A roster too long for one line goes in several; part 1
     * begins a new import, dropping any other left unfinished.
     */
    record RosterImport(ClassId classId, List<RosterEntry> students, int part, boolean more) implements Request {
        public RosterImport {
            students = List.copyOf(students);
        }

        /** A whole roster in one part. */
        public RosterImport(ClassId classId, List<RosterEntry> students) {
            this(classId, students, 1, false);
        }
    }

    /**
     * A class's defaults; when {@code set}, first makes {@code lateAfter} the class's default
     * lateness (empty: none).
     */
    record ClassDefaults(ClassId classId, boolean set, Optional<Duration> lateAfter) implements Request {
    }

    /** Every teacher's account, for an administrator. */
    record Teachers() implements Request {
    }

    /** An administrator's change to {@code name}'s account; {@code secret} for an add or a new secret. */
    record Account(AccountAction action, TeacherName name, Optional<String> secret, boolean administrator)
            implements Request {
        @Override
        public String toString() {
            return "Account[action=" + action.wire() + ", name=" + name + ", secret=" + secret.map(s -> "***").orElse("none")
                    + ", administrator=" + administrator + "]";
        }
    }

    /** Makes {@code teachers} the teachers of {@code classId}; none: a class every teacher may use. */
    record Assign(ClassId classId, List<TeacherName> teachers) implements Request {
        public Assign {
            teachers = List.copyOf(teachers);
        }
    }

    /** Every class with teachers assigned, for an administrator. */
    record Assignments() implements Request {
    }

    /** Everything held about a student, for an administrator. */
    record StudentData(Matricula matricula) implements Request {
    }

    /** Forgets a student, for an administrator. */
    record ForgetStudent(Matricula matricula) implements Request {
    }

    /** A student's message to {@code classId}'s teachers, from {@code sender} as typed (empty: anonymous). */
    record Message(ClassId classId, Optional<Matricula> sender, MessageText text) implements Request {
    }

    /** {@code classId}'s messages, for a teacher of the class: all, or only those not read yet. */
    record Inbox(ClassId classId, boolean unreadOnly) implements Request {
    }

    /** Marks messages {@code ids} of {@code classId} read, for a teacher of the class. */
    record MarkRead(ClassId classId, List<Long> ids) implements Request {
        public MarkRead {
            ids = List.copyOf(ids);
        }
    }

    /** Whether {@code classId} takes anonymous messages; with {@code set}, first makes it so. */
    record Anonymous(ClassId classId, Optional<Boolean> set) implements Request {
    }

    /** Shows message {@code id} of {@code classId}'s inbox on the class's question screen (empty: none), for a teacher of the class. */
    record Show(ClassId classId, Optional<Long> id) implements Request {
    }

    /** The class's events pushed to this connection from the reply on, for a teacher of the class. */
    record Watch(ClassId classId) implements Request {
    }

    /** {@code classId}'s materials; anybody may list them. */
    record Materials(ClassId classId) implements Request {
    }

    /**
     * Publishes {@code size} bytes as {@code name}, for a teacher of the class; with {@code sha256},
     * only if they hash to it (the native protocol always says it).
     */
    record Upload(ClassId classId, MaterialName name, long size, Optional<String> sha256) implements Request {
    }

    /** The bytes of the material {@code choice} names, from {@code offset} to its end; anybody may download. */
    record Download(ClassId classId, MaterialChoice choice, long offset) implements Request {
    }

    /** Takes {@code name} off {@code classId}, for a teacher of the class. */
    record RemoveMaterial(ClassId classId, MaterialName name) implements Request {
    }

    /** A backup of the whole server, for an administrator: the archive's bytes follow the reply. */
    record Backup() implements Request {
    }

    /** Asks whether the server keeps all its promises (for monitoring); anybody may ask. */
    record Health() implements Request {
    }

    record Help() implements Request {
    }

    record Quit() implements Request {
    }
}
