package chamada.attendance;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A teacher's correction, as the store decides it: set {@code matricula}'s status in roll call
 * {@code rollCallId} of {@code classId} (the class's latest when empty) to {@code status},
 * because of {@code reason}, by {@code teacher} at {@code at}. A closed roll call may be corrected
 * until {@code editWindow} after its close, or at any time if {@code mayUnlock} (an administrator).
 */
public record Mark(ClassId classId, Optional<Long> rollCallId, Matricula matricula, AttendanceStatus status,
                   Reason reason, TeacherName teacher, OffsetDateTime at, Duration editWindow, boolean mayUnlock) {
}
