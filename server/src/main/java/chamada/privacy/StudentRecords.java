package chamada.privacy;

import chamada.attendance.AuditEntry;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.roster.StudentName;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything Chamada holds about one student, for the student's right of access (LGPD art. 18):
 * the rosters naming them, their check-ins, the statuses kept for them, the check-ins a phone
 * replaced with or by them, the audit records naming them, and the messages sent as them.
 */
public record StudentRecords(Matricula matricula, List<RosterListing> rosters, List<CheckInRecord> checkIns,
                             List<StatusRecord> statuses, List<ReplacementRecord> replacements,
                             List<AuditEntry> audit, List<MessageRecord> messages) {

    public StudentRecords {
        rosters = List.copyOf(rosters);
        checkIns = List.copyOf(checkIns);
        statuses = List.copyOf(statuses);
        replacements = List.copyOf(replacements);
        audit = List.copyOf(audit);
        messages = List.copyOf(messages);
    }

    /** Whether Chamada holds nothing about the student. */
    public boolean isEmpty() {
        return rosters.isEmpty() && checkIns.isEmpty() && statuses.isEmpty() && replacements.isEmpty()
                && audit.isEmpty() && messages.isEmpty();
    }

    /** The student on a class's roster, with the name it gives. */
    public record RosterListing(ClassId classId, StudentName name) {
    }

    /**
     * A check-in of the student. {@code fromDevice}: it came from a phone's page, which left a
     * random id of the phone (not shown: it is what stops one phone checking in two students).
     */
    public record CheckInRecord(ClassId classId, long rollCallId, OffsetDateTime at, boolean fromDevice) {
    }

    /** A status kept for the student in a roll call: set by the close ({@code close}) or a teacher ({@code teacher}). */
    public record StatusRecord(ClassId classId, long rollCallId, AttendanceStatus status, String source) {
    }

    /** A phone's check-in of {@code replaced} that the same phone replaced with {@code by}, a typo corrected. */
    public record ReplacementRecord(ClassId classId, long rollCallId, OffsetDateTime at, Matricula replaced,
                                    Matricula by) {
    }

    /** A message sent to {@code classId}'s teachers with the student's matrícula, as they wrote it. */
    public record MessageRecord(ClassId classId, long id, OffsetDateTime at, String text) {
    }
}
