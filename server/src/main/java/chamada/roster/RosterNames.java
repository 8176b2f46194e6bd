package chamada.roster;

import chamada.rollcall.Matricula;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a teacher's view of a roll call shows beside matrículas: whether the class has a
 * roster, and the names of the students it names. Never sent to a student.
 */
public record RosterNames(boolean hasRoster, Map<Matricula, StudentName> names) {

    public RosterNames {
        names = Map.copyOf(names);
    }

    /** A class without a roster: no names, nobody unknown. */
    public static RosterNames none() {
        return new RosterNames(false, Map.of());
    }

    public static RosterNames of(Roster roster) {
        return new RosterNames(!roster.isEmpty(), roster.byMatricula());
    }

    public Optional<StudentName> nameOf(Matricula matricula) {
        return Optional.ofNullable(names.get(matricula));
    }

    /** {@code matriculas} by name where the roster names them, then by matrícula, the others after them. */
    public List<Matricula> inNameOrder(List<Matricula> matriculas) {
        Comparator<String> names = Roster.nameOrder();
        return matriculas.stream().sorted(Comparator
                .comparing((Matricula matricula) -> nameOf(matricula).isEmpty())
                .thenComparing(matricula -> nameOf(matricula).map(StudentName::value).orElse(""), names)
                .thenComparing(Matricula::value)).toList();
    }

    /** Whether {@code matricula} checked in although the class's roster does not have it (accept unknown). */
    public boolean notOnRoster(Matricula matricula) {
        return hasRoster && !names.containsKey(matricula);
    }
}
