package chamada.attendance;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;

import java.time.OffsetDateTime;
import java.util.Optional;

/** What asking the store for a correction came to, decided atomically by the store. */
public sealed interface MarkResult {

    /**
     * Changed, durably, with its audit record {@code auditId}: the student's status in roll call
     * {@code rollCallId} was {@code from} (empty: the student had no status there, or the store
     * could not read it back, which the audit record then says) and is now {@code to}.
     */
    record Marked(ClassId classId, long rollCallId, Optional<AttendanceStatus> from, AttendanceStatus to,
                  OffsetDateTime at, long auditId) implements MarkResult {
    }

    /** The class has no roll call, or none with that id; nothing was written. */
    record NoRollCall(ClassId classId, Optional<Long> rollCallId) implements MarkResult {
    }

    /** The roll call closed longer ago than the edit window, and the teacher is no administrator; nothing was written. */
    record Locked(ClassId classId, long rollCallId, OffsetDateTime lockedSince) implements MarkResult {
    }
}
