package chamada.protocol;

import chamada.attendance.AttendanceReport;
import chamada.attendance.LateCountsAs;
import chamada.attendance.ReportLine;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.roster.StudentName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's CSV: quoting, the totals row, and the rate's decimal mark for the separator's locale. */
class ReportCsvTest {

    private static final AttendanceReport REPORT = new AttendanceReport(new ClassId(1010), Optional.empty(),
            Optional.empty(), LateCountsAs.PRESENT, 3, List.of(new ReportLine(Optional.of(new Matricula("7")),
            Optional.of(new StudentName("Lima, Bruno")), 2, 0, 0, 1, Optional.of(2.0 / 3))),
            new ReportLine(Optional.empty(), Optional.empty(), 2, 0, 0, 1, Optional.of(2.0 / 3)), List.of());

    @Test
    void of_commas_quotesANameWithACommaAndUsesADecimalPoint() {
        assertThat(ReportCsv.of(REPORT, ExportCsv.Format.STANDARD).lines()).containsExactly(ReportCsv.HEADER,
                "7,\"Lima, Bruno\",2,0,0,1,0.6667", "\"\",total,2,0,0,1,0.6667");
    }

    @Test
    void of_semicolonsForExcelInPortuguese_usesADecimalComma() {
        assertThat(ReportCsv.of(REPORT, new ExportCsv.Format(';', true)).lines().skip(1))
                .containsExactly("7;Lima, Bruno;2;0;0;1;0,6667", "\"\";total;2;0;0;1;0,6667");
    }
}
