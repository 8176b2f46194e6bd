package chamada.rollcall;

import java.time.OffsetDateTime;

/** One line of a class's history: a closed roll call and how many students were present. */
public record PastRollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt,
                           OffsetDateTime closedAt, int count) {
}
