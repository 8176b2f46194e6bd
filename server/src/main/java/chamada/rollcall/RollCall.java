package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A roll call as seen at one moment: open ({@code closedAt} empty) or closed, with the
 * students present in arrival order and the rules they checked in by.
 */
public record RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt,
                       Optional<OffsetDateTime> closedAt, List<CheckIn> present, CheckInRules rules) {

    public RollCall {
        present = List.copyOf(present);
    }

    /** A roll call without codes, as every roll call was before codes. */
    public RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt, Optional<OffsetDateTime> closedAt,
                    List<CheckIn> present) {
        this(classId, teacher, openedAt, closedAt, present, CheckInRules.none());
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }
}
