package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A roll call as seen at one moment: open ({@code closedAt} empty) or closed, with the
 * students present in arrival order, the rules they checked in by, and, once closed, the
 * students of the class's roster who were absent, in matrícula order.
 */
public record RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt,
                       Optional<OffsetDateTime> closedAt, List<CheckIn> present, CheckInRules rules,
                       List<Matricula> absent) {

    public RollCall {
        present = List.copyOf(present);
        absent = absent.stream().sorted(java.util.Comparator.comparing(Matricula::value)).toList();
    }

    /** A roll call nobody was absent from: open, or of a class without a roster. */
    public RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt, Optional<OffsetDateTime> closedAt,
                    List<CheckIn> present, CheckInRules rules) {
        this(classId, teacher, openedAt, closedAt, present, rules, List.of());
    }

    /** A roll call without codes, as every roll call was before codes. */
    public RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt, Optional<OffsetDateTime> closedAt,
                    List<CheckIn> present) {
        this(classId, teacher, openedAt, closedAt, present, CheckInRules.none());
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }

    /** Whether {@code checkIn}, one of this roll call's, was late. */
    public boolean isLate(CheckIn checkIn) {
        return rules.isLate(openedAt, checkIn.at());
    }
}
