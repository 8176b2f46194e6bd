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
 * {@code byRollCall} counts the same students at each roll call of the period, oldest first: the
 * class's attendance session by session.
 */
public record AttendanceReport(ClassId classId, Optional<LocalDate> from, Optional<LocalDate> to,
                               LateCountsAs lateCountsAs, int rollCalls, List<ReportLine> students, ReportLine totals,
                               List<RollCallLine> byRollCall) {

    public AttendanceReport {
        students = List.copyOf(students);
        byRollCall = List.copyOf(byRollCall);
    }

    /** The report of {@code closed}, the class's closed roll calls, with the roster's {@code names}. */
    public static AttendanceReport of(ClassId classId, List<NumberedRollCall> closed, RosterNames names,
                                      Optional<LocalDate> from, Optional<LocalDate> to, LateCountsAs lateCountsAs) {
        List<NumberedRollCall> numbered = closed.stream()
                .filter(each -> from.map(day -> !each.rollCall().openedAt().toLocalDate().isBefore(day)).orElse(true))
                .filter(each -> to.map(day -> !each.rollCall().openedAt().toLocalDate().isAfter(day)).orElse(true))
                .toList();
        List<RollCall> period = numbered.stream().map(NumberedRollCall::rollCall).toList();
        Set<Matricula> students = new LinkedHashSet<>(names.names().keySet());
        for (RollCall rollCall : period) {
            rollCall.present().forEach(checkIn -> students.add(checkIn.matricula()));
            students.addAll(rollCall.statuses().keySet());
        }
        Map<Matricula, Map<AttendanceStatus, Integer>> counts = new HashMap<>();
        List<RollCallLine> byRollCall = new ArrayList<>();
        for (NumberedRollCall each : numbered) {
            RollCall rollCall = each.rollCall();
            Map<Matricula, AttendanceStatus> statuses = new HashMap<>(rollCall.statuses());
            for (CheckIn checkIn : rollCall.present()) {
                statuses.put(checkIn.matricula(), rollCall.statusOf(checkIn));
            }
            Map<AttendanceStatus, Integer> here = new EnumMap<>(AttendanceStatus.class);
            for (Matricula student : students) {
                AttendanceStatus status = statuses.getOrDefault(student, AttendanceStatus.ABSENT);
                counts.computeIfAbsent(student, s -> new EnumMap<>(AttendanceStatus.class)).merge(status, 1, Integer::sum);
                here.merge(status, 1, Integer::sum);
            }
            byRollCall.add(new RollCallLine(each.id(), rollCall.openedAt(),
                    line(Optional.empty(), Optional.empty(), here, lateCountsAs)));
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
                line(Optional.empty(), Optional.empty(), totals, lateCountsAs), byRollCall);
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
