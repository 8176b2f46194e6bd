package chamada.attendance;

import chamada.rollcall.Matricula;
import chamada.roster.StudentName;

import java.util.Optional;

/**
 * One student's line of a report (or the class's totals, without a matrícula), with their name
 * where the roster has it: how many roll
 * calls they were present, late, excused and absent at, and the attendance rate, empty where
 * every roll call was excused.
 */
public record ReportLine(Optional<Matricula> matricula, Optional<StudentName> name, int present, int late, int excused,
                         int absent, Optional<Double> rate) {
}
