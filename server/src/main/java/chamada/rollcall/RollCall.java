package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A roll call as seen at one moment: open ({@code closedAt} empty) or closed, with the
 * students present in arrival order, the rules they checked in by, and the statuses the store
 * keeps beside the check-ins: a teacher's corrections, and once closed, the roster's absent.
 */
public record RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt,
                       Optional<OffsetDateTime> closedAt, List<CheckIn> present, CheckInRules rules,
                       Map<Matricula, AttendanceStatus> statuses) {

    public RollCall {
        present = List.copyOf(present);
        statuses = Map.copyOf(statuses);
    }

    /** A roll call without codes, as every roll call was before codes. */
    public RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt, Optional<OffsetDateTime> closedAt,
                    List<CheckIn> present) {
        this(classId, teacher, openedAt, closedAt, present, CheckInRules.none());
    }

    /** A roll call with nothing beside its check-ins: open, or of a class without a roster, uncorrected. */
    public RollCall(ClassId classId, TeacherName teacher, OffsetDateTime openedAt, Optional<OffsetDateTime> closedAt,
                    List<CheckIn> present, CheckInRules rules) {
        this(classId, teacher, openedAt, closedAt, present, rules, Map.of());
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }

    /** Whether {@code checkIn}, one of this roll call's, was late. */
    public boolean isLate(CheckIn checkIn) {
        return rules.isLate(openedAt, checkIn.at());
    }

    /** The status of the student of {@code checkIn}: a teacher's correction, else present or late by its time. */
    public AttendanceStatus statusOf(CheckIn checkIn) {
        return statuses.getOrDefault(checkIn.matricula(), isLate(checkIn) ? AttendanceStatus.LATE : AttendanceStatus.PRESENT);
    }

    /** The students absent without a check-in: the roster's at the close, and a teacher's, in matrícula order. */
    public List<Matricula> absent() {
        return withoutCheckIn(status -> status == AttendanceStatus.ABSENT);
    }

    /** The students a teacher gave another status without a check-in (present, late, excused), in matrícula order. */
    public List<Matricula> markedWithoutCheckIn() {
        return withoutCheckIn(status -> status != AttendanceStatus.ABSENT);
    }

    private List<Matricula> withoutCheckIn(Predicate<AttendanceStatus> kind) {
        Set<Matricula> checkedIn = new HashSet<>();
        present.forEach(checkIn -> checkedIn.add(checkIn.matricula()));
        return statuses.entrySet().stream().filter(entry -> kind.test(entry.getValue()))
                .map(Map.Entry::getKey).filter(matricula -> !checkedIn.contains(matricula))
                .sorted(Comparator.comparing(Matricula::value)).toList();
    }
}
