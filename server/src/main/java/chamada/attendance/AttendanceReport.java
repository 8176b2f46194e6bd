package chamada.attendance;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.RollCall;
import chamada.roster.RosterNames;
import chamada.roster.StudentName;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A class's attendance over its closed roll calls from {@code from} to {@code to} (the school's
 * dates, inclusive; empty: no bound): one line per student, by name, and the class's totals.
 *
 * <p>The rate is (present + late) / (roll calls − excused), late counting as absent instead where
 * the school's rule says so ({@link LateCountsAs}). Each student is counted at every roll call of
 * the period: their status there (a correction, else their check-in's present or late, else the
 * close's absent), and absent where they have none, so that a student who never came is not
 * missing from the report. The students are the roster's and everyone with a record in the period.
 */
public record AttendanceReport(ClassId classId, Optional<LocalDate> from, Optional<LocalDate> to,
                               LateCountsAs lateCountsAs, int rollCalls, List<ReportLine> students, ReportLine totals) {

    public AttendanceReport {
        students = List.copyOf(students);
    }

    /** The report of {@code closed}, the class's closed roll calls, with the roster's {@code names}. */
    public static AttendanceReport of(ClassId classId, List<NumberedRollCall> closed, RosterNames names,
                                      Optional<LocalDate> from, Optional<LocalDate> to, LateCountsAs lateCountsAs) {
        List<RollCall> period = closed.stream().map(NumberedRollCall::rollCall)
                .filter(rollCall -> from.map(day -> !rollCall.openedAt().toLocalDate().isBefore(day)).orElse(true))
                .filter(rollCall -> to.map(day -> !rollCall.openedAt().toLocalDate().isAfter(day)).orElse(true))
                .toList();
        Set<Matricula> students = new LinkedHashSet<>(names.names().keySet());
        for (RollCall rollCall : period) {
            rollCall.present().forEach(checkIn -> students.add(checkIn.matricula()));
            students.addAll(rollCall.statuses().keySet());
        }
        Map<Matricula, Map<AttendanceStatus, Integer>> counts = new HashMap<>();
        for (RollCall rollCall : period) {
            Map<Matricula, AttendanceStatus> statuses = new HashMap<>(rollCall.statuses());
            for (CheckIn checkIn : rollCall.present()) {
                statuses.put(checkIn.matricula(), rollCall.statusOf(checkIn));
            }
            for (Matricula student : students) {
                counts.computeIfAbsent(student, s -> new EnumMap<>(AttendanceStatus.class))
                        .merge(statuses.getOrDefault(student, AttendanceStatus.ABSENT), 1, Integer::sum);
            }
        }
        List<ReportLine> lines = new ArrayList<>();
        int[] total = new int[AttendanceStatus.values().length];
        for (Matricula student : names.inNameOrder(List.copyOf(students))) {
            Map<AttendanceStatus, Integer> of = counts.getOrDefault(student, Map.of());
            lines.add(line(Optional.of(student), names.nameOf(student), of, lateCountsAs));
            of.forEach((status, count) -> total[status.ordinal()] += count);
        }
        Map<AttendanceStatus, Integer> totals = new EnumMap<>(AttendanceStatus.class);
        for (AttendanceStatus status : AttendanceStatus.values()) {
            totals.put(status, total[status.ordinal()]);
        }
        return new AttendanceReport(classId, from, to, lateCountsAs, period.size(), lines,
                line(Optional.empty(), Optional.empty(), totals, lateCountsAs));
    }

    private static ReportLine line(Optional<Matricula> matricula, Optional<StudentName> name,
                                   Map<AttendanceStatus, Integer> counts, LateCountsAs lateCountsAs) {
        int present = counts.getOrDefault(AttendanceStatus.PRESENT, 0);
        int late = counts.getOrDefault(AttendanceStatus.LATE, 0);
        int excused = counts.getOrDefault(AttendanceStatus.EXCUSED, 0);
        int absent = counts.getOrDefault(AttendanceStatus.ABSENT, 0);
        int counted = present + late + absent;
        int attended = present + (lateCountsAs == LateCountsAs.PRESENT ? late : 0);
        return new ReportLine(matricula, name, present, late, excused, absent,
                counted == 0 ? Optional.empty() : Optional.of((double) attended / counted));
    }
}
