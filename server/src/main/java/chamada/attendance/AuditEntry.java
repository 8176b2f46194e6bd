package chamada.attendance;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One change of a student's status, as the audit keeps it for good: who, when, in which roll
 * call, from what (empty: no status before), to what, and why.
 */
public record AuditEntry(long id, OffsetDateTime at, TeacherName teacher, ClassId classId, long rollCallId,
                         Matricula matricula, Optional<AttendanceStatus> from, AttendanceStatus to, Reason reason) {
}
