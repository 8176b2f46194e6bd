package chamada.attendance;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterNames;
import chamada.roster.StudentName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's arithmetic: each student at every roll call of the period, and the rate (present + late) / (roll calls - excused). */
class AttendanceReportTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final Matricula ANA = new Matricula("1");
    private static final Matricula BETO = new Matricula("2");
    private static final Matricula CAUA = new Matricula("3");
    private static final RosterNames NAMES = new RosterNames(true, Map.of(ANA, new StudentName("Ana"),
            BETO, new StudentName("Beto"), CAUA, new StudentName("Cauã")));

    /** Four lessons: Ana always on time but late once; Beto absent twice, excused once; Cauã never came. */
    private static final List<NumberedRollCall> LESSONS = List.of(
            lesson(1, "2026-11-02", Map.of(ANA, 5, BETO, 3), Map.of(CAUA, AttendanceStatus.ABSENT)),
            lesson(2, "2026-11-09", Map.of(ANA, 15), Map.of(BETO, AttendanceStatus.ABSENT, CAUA, AttendanceStatus.ABSENT)),
            lesson(3, "2026-11-16", Map.of(ANA, 2), Map.of(BETO, AttendanceStatus.EXCUSED, CAUA, AttendanceStatus.ABSENT)),
            lesson(4, "2026-11-23", Map.of(ANA, 1, BETO, 1), Map.of(CAUA, AttendanceStatus.ABSENT)));

    @Test
    void of_everyRollCall_countsEachStudentAndTheRate() {
        AttendanceReport report = AttendanceReport.of(CLASS, LESSONS, NAMES, Optional.empty(), Optional.empty(),
                LateCountsAs.PRESENT);

        assertThat(report.rollCalls()).isEqualTo(4);
        assertThat(report.students()).containsExactly(
                new ReportLine(Optional.of(ANA), Optional.of(new StudentName("Ana")), 3, 1, 0, 0, Optional.of(1.0)),
                new ReportLine(Optional.of(BETO), Optional.of(new StudentName("Beto")), 2, 0, 1, 1, Optional.of(2.0 / 3)),
                new ReportLine(Optional.of(CAUA), Optional.of(new StudentName("Cauã")), 0, 0, 0, 4, Optional.of(0.0)));
        assertThat(report.totals()).isEqualTo(new ReportLine(Optional.empty(), Optional.empty(), 5, 1, 1, 5,
                Optional.of(6.0 / 11)));
    }

    @Test
    void of_byRollCall_countsTheSameStudentsAtEachLessonOldestFirst() {
        AttendanceReport report = AttendanceReport.of(CLASS, LESSONS, NAMES, Optional.empty(), Optional.empty(),
                LateCountsAs.PRESENT);

        assertThat(report.byRollCall()).extracting(RollCallLine::rollCallId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(report.byRollCall()).extracting(RollCallLine::counts).containsExactly(
                new ReportLine(Optional.empty(), Optional.empty(), 2, 0, 0, 1, Optional.of(2.0 / 3)),
                new ReportLine(Optional.empty(), Optional.empty(), 0, 1, 0, 2, Optional.of(1.0 / 3)),
                new ReportLine(Optional.empty(), Optional.empty(), 1, 0, 1, 1, Optional.of(0.5)),
                new ReportLine(Optional.empty(), Optional.empty(), 2, 0, 0, 1, Optional.of(2.0 / 3)));
        assertThat(report.byRollCall().getFirst().openedAt().toLocalDate()).isEqualTo(LocalDate.parse("2026-11-02"));
    }

    @Test
    void of_lateCountingAsAbsent_lowersTheRateOfTheLate() {
        AttendanceReport report = AttendanceReport.of(CLASS, LESSONS, NAMES, Optional.empty(), Optional.empty(),
                LateCountsAs.ABSENT);

        assertThat(report.students().getFirst().rate()).contains(0.75);
    }

    /** The bounds are the school's days, both included; a student with no record in a lesson of the period is absent there. */
    @Test
    void of_aPeriod_takesItsLessonsOnly_andCountsAStudentWithoutARecordAbsent() {
        Matricula newcomer = new Matricula("9");
        RosterNames withNewcomer = new RosterNames(true, Map.of(ANA, new StudentName("Ana"), newcomer,
                new StudentName("Zeca")));

        AttendanceReport report = AttendanceReport.of(CLASS, LESSONS, withNewcomer, Optional.of(LocalDate.parse("2026-11-09")),
                Optional.of(LocalDate.parse("2026-11-16")), LateCountsAs.PRESENT);

        assertThat(report.rollCalls()).isEqualTo(2);
        assertThat(report.students()).filteredOn(line -> line.matricula().equals(Optional.of(newcomer))).singleElement()
                .satisfies(line -> assertThat(line.absent()).isEqualTo(2));
    }

    @Test
    void of_aStudentExcusedAtEveryRollCall_hasNoRate() {
        List<NumberedRollCall> excused = List.of(lesson(1, "2026-11-02", Map.of(), Map.of(BETO, AttendanceStatus.EXCUSED)));

        AttendanceReport report = AttendanceReport.of(CLASS, excused, RosterNames.none(), Optional.empty(), Optional.empty(),
                LateCountsAs.PRESENT);

        assertThat(report.students()).singleElement().satisfies(line -> assertThat(line.rate()).isEmpty());
    }

    /** A lesson at 08:00 (late after 10 minutes) with the check-ins {@code minutes} after it and {@code statuses}. */
    private static NumberedRollCall lesson(long id, String day, Map<Matricula, Integer> minutes,
                                           Map<Matricula, AttendanceStatus> statuses) {
        OffsetDateTime opened = OffsetDateTime.parse(day + "T08:00:00-03:00");
        List<CheckIn> present = minutes.entrySet().stream()
                .map(entry -> new CheckIn(entry.getKey(), opened.plusMinutes(entry.getValue()))).toList();
        return new NumberedRollCall(id, new RollCall(CLASS, new TeacherName("ana"), opened,
                Optional.of(opened.plusMinutes(50)), present,
                CheckInRules.none().withLateAfter(Optional.of(Duration.ofMinutes(10))), statuses));
    }
}
