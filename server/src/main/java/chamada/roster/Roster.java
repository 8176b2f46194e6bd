package chamada.roster;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A class's roster as it stands: its students by name, in Brazilian Portuguese alphabetical
 * order (accents and case aside), and each one's name by matrícula. An empty roster means the
 * class has none: every matrícula may check in, as before rosters.
 */
public record Roster(ClassId classId, List<RosterEntry> students) {

    /** The most students one class's roster holds: a course's whole year, not a school. */
    public static final int MAX_STUDENTS = 5_000;

    private static final Comparator<RosterEntry> BY_NAME;

    static {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("pt-BR"));
        collator.setStrength(Collator.SECONDARY);
        BY_NAME = Comparator.comparing((RosterEntry entry) -> entry.name().value(), collator)
                .thenComparing(entry -> entry.matricula().value());
    }

    public Roster {
        students = students.stream().sorted(BY_NAME).toList();
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
