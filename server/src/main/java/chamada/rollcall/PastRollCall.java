package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One line of a class's history: a closed roll call, its number (the store's id, which a
 * correction names), how many students were present, and who closed it (empty for roll calls
 * closed before closers were kept).
 */
public record PastRollCall(long id, ClassId classId, TeacherName teacher, OffsetDateTime openedAt,
                           OffsetDateTime closedAt, int count, Optional<TeacherName> closedBy) {
}
