package chamada.protocol;

import chamada.attendance.AttendanceReport;
import chamada.attendance.ReportLine;
import chamada.rollcall.Matricula;
import chamada.roster.StudentName;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A report's CSV: one row per student under the header {@value #HEADER}, then the class's totals
 * (name {@code total}); the rate as a fraction with four decimals ({@code 0.9333}, or
 * {@code 0,9333} with semicolons, for Excel in a Brazilian locale), empty where every roll call
 * was excused. Written as {@link ExportCsv} is, in its {@link ExportCsv.Format}.
 */
public final class ReportCsv {

    public static final String HEADER = "matricula,name,present,late,excused,absent,rate";

    private ReportCsv() {
    }

    public static String of(AttendanceReport report, ExportCsv.Format format) {
        StringBuilder csv = new StringBuilder(format.byteOrderMark() ? "\uFEFF" : "");
        CSVFormat rows = CSVFormat.RFC4180.builder().setDelimiter(format.separator()).setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(csv, rows)) {
            printer.printRecord((Object[]) HEADER.split(","));
            for (ReportLine line : report.students()) {
                print(printer, line.matricula().map(Matricula::value).orElse(""),
                        line.name().map(StudentName::value).orElse(""), line, format.separator());
            }
            print(printer, "", "total", report.totals(), format.separator());
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to a string cannot fail", e);
        }
        return csv.toString();
    }

    /** With semicolons, as Excel in a Brazilian locale reads a file, the rate takes that locale's decimal comma. */
    private static void print(CSVPrinter printer, String matricula, String name, ReportLine line, char separator)
            throws IOException {
        String rate = line.rate().map(value -> String.format(Locale.ROOT, "%.4f", value)).orElse("");
        printer.printRecord(matricula, name, line.present(), line.late(), line.excused(), line.absent(),
                separator == ';' ? rate.replace('.', ',') : rate);
    }
}
