package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A roll call as seen at one moment: open ({@code closedAt} empty) or closed, with the
 * students present in arrival order.
 */
public record RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt,
                       Optional<OffsetDateTime> closedAt, List<CheckIn> present) {

    public RollCall {
        present = List.copyOf(present);
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }
}
