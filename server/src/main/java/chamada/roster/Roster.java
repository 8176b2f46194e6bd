package chamada.roster;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.text.Collator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A class's roster as it stands: its students by name, in Brazilian Portuguese alphabetical
 * order (accents and case aside), and each one's name by matrícula. An empty roster means the
 * class has none: every matrícula may check in, as before rosters.
 */
public record Roster(ClassId classId, List<RosterEntry> students) {

    /** The most students one class's roster holds: a course's whole year, not a school. */
    public static final int MAX_STUDENTS = 5_000;

    /** Brazilian Portuguese alphabetical order, case aside (the JDK's collators compare under a lock). */
    private static final Comparator<String> NAME_ORDER = nameCollator()::compare;

    private static final Comparator<RosterEntry> BY_NAME = Comparator
            .comparing((RosterEntry entry) -> entry.name().value(), NAME_ORDER)
            .thenComparing(entry -> entry.matricula().value());

    /** How names are ordered wherever a teacher reads a list of students. */
    public static Comparator<String> nameOrder() {
        return NAME_ORDER;
    }

    private static Collator nameCollator() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("pt-BR"));
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    public Roster {
        students = students.stream().sorted(BY_NAME).toList();
    }

    /**
     * Why {@code students} cannot be a roster, if they cannot: more than {@link #MAX_STUDENTS},
     * or a matrícula twice. Each store refuses such a replacement with it before writing anything.
     */
    public static Optional<ChamadaException> refusal(List<RosterEntry> students) {
        if (students.size() > MAX_STUDENTS) {
            return Optional.of(new ChamadaException(ErrorCode.ROSTER_TOO_LARGE, MAX_STUDENTS, students.size()));
        }
        Set<Matricula> seen = new HashSet<>();
        for (RosterEntry entry : students) {
            if (!seen.add(entry.matricula())) {
                return Optional.of(new ChamadaException(ErrorCode.ROSTER_DUPLICATE, entry.matricula()));
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return students.isEmpty();
    }

    /** Every student's name by matrícula, for a view that names many. */
    public Map<Matricula, StudentName> byMatricula() {
        Map<Matricula, StudentName> names = new LinkedHashMap<>();
        students.forEach(entry -> names.put(entry.matricula(), entry.name()));
        return names;
    }
}
