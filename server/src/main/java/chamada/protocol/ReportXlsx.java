package chamada.protocol;

import chamada.attendance.AttendanceReport;
import chamada.attendance.ReportLine;
import chamada.rollcall.Matricula;
import chamada.roster.StudentName;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A report as an {@code .xlsx} workbook that Excel and LibreOffice open, written by fastexcel: one
 * sheet, the columns of {@link ReportCsv#HEADER}, a row per student, then the totals (name
 * {@code total}). Counts are numbers and the rate a number formatted as a percentage, so a
 * spreadsheet can sort and sum them.
 */
public final class ReportXlsx {

    private static final List<String> COLUMNS = List.of(ReportCsv.HEADER.split(","));

    private ReportXlsx() {
    }

    public static void write(AttendanceReport report, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Chamada", "1.0");
        Worksheet sheet = workbook.newWorksheet("class " + report.classId());
        for (int column = 0; column < COLUMNS.size(); column++) {
            sheet.value(0, column, COLUMNS.get(column));
        }
        sheet.range(0, 0, 0, COLUMNS.size() - 1).style().bold().set();
        int row = 1;
        for (ReportLine line : report.students()) {
            write(sheet, row++, line.matricula().map(Matricula::value).orElse(""),
                    line.name().map(StudentName::value).orElse(""), line);
        }
        write(sheet, row, "", "total", report.totals());
        workbook.finish();
    }

    private static void write(Worksheet sheet, int row, String matricula, String name, ReportLine line) {
        sheet.value(row, 0, matricula);
        sheet.value(row, 1, name);
        sheet.value(row, 2, line.present());
        sheet.value(row, 3, line.late());
        sheet.value(row, 4, line.excused());
        sheet.value(row, 5, line.absent());
        if (line.rate().isPresent()) {
            sheet.value(row, 6, line.rate().get());
            sheet.style(row, 6).format("0.0%").set();
        }
    }
}
