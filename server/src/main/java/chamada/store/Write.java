package chamada.store;

import chamada.attendance.Reason;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;

import java.util.List;
import java.util.Optional;

/**
 * One change the journal writer decided and journaled: what a journal record holds and what
 * the applier copies into SQLite. Times are epoch milliseconds, as stored.
 */
sealed interface Write {

    /** A roll call opened, with the rules its check-ins follow. */
    record Open(long id, ClassId classId, TeacherName teacher, long openedAt, CheckInRules rules) implements Write {

        /** A roll call opened without codes, as every one was before codes. */
        Open(long id, ClassId classId, TeacherName teacher, long openedAt) {
            this(id, classId, teacher, openedAt, CheckInRules.none());
        }

        @Override
        public String toString() {
            return "open of roll call " + id + " (class " + classId + ", teacher " + teacher + ")";
        }
    }

    /** A student present in an open roll call, from {@code device} where the front knows it. */
    record CheckIn(long rollCallId, Matricula matricula, long at, Optional<DeviceId> device) implements Write {

        /** A check-in with no device (the CLI, the legacy ports, a journal from before devices). */
        CheckIn(long rollCallId, Matricula matricula, long at) {
            this(rollCallId, matricula, at, Optional.empty());
        }

        @Override
        public String toString() {
            return "check-in of " + matricula + " into roll call " + rollCallId;
        }
    }

    /**
     * {@code device} replaced its own check-in of {@code replaced} by one of {@code by}: the first
     * is taken out of the roll call, the second is present from {@code at}, and the replacement
     * is kept on record with when the device first checked in ({@code deviceFirstAt}).
     */
    record Replace(long rollCallId, DeviceId device, Matricula replaced, Matricula by, long at, long deviceFirstAt)
            implements Write {
        @Override
        public String toString() {
            return "replacement of " + replaced + " by " + by + " in roll call " + rollCallId;
        }
    }

    /** A roll call closed, by {@code closedBy} (empty in a journal from before closers were kept). */
    record Close(long rollCallId, long closedAt, Optional<TeacherName> closedBy) implements Write {
        @Override
        public String toString() {
            return "close of roll call " + rollCallId;
        }
    }

    /** The whole roster of {@code classId} replaced by {@code students}; none left when empty. */
    record Roster(ClassId classId, List<RosterEntry> students) implements Write {

        public Roster {
            students = List.copyOf(students);
        }

        @Override
        public String toString() {
            return "roster of class " + classId + " (" + students.size() + " students)";
        }
    }

    /** The roll calls closed before {@code cutoff} (epoch milliseconds) deleted, with their records. */
    record Purge(long cutoff) implements Write {
    }

    /**
     * A student forgotten: {@code matricula} becomes {@code pseudonym} in every table. The one
     * record that holds a forgotten matrícula after its forget: the writer closes its segment
     * after it, and the applier deletes that segment once it has applied it.
     */
    record Forget(Matricula matricula, Matricula pseudonym, TeacherName administrator, long at) implements Write {

        @Override
        public String toString() {
            return "Forget[pseudonym=" + pseudonym + ", administrator=" + administrator + ", at=" + at + "]";
        }
    }

    /**
     * A teacher set {@code matricula}'s status in roll call {@code rollCallId} to {@code status}:
     * the applier keeps it, and its audit record {@code auditId} (the writer's number, never given
     * before) with the status before, computed from what SQLite holds at this point of the journal.
     */
    record Mark(long auditId, long rollCallId, Matricula matricula, AttendanceStatus status, Reason reason,
                TeacherName teacher, long at) implements Write {
        @Override
        public String toString() {
            return "mark of " + matricula + " as " + status.wire() + " in roll call " + rollCallId;
        }
    }
}
