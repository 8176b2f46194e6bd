package chamada.cli;

import chamada.attendance.LateCountsAs;
import chamada.protocol.ExportCsv;
import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada teacher report CLASS [--from DATE] [--to DATE] [--late-counts-as present|absent]
 * [--csv FILE] [--xlsx FILE]}: each student's attendance over the class's closed roll calls, and the rate.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Each student's attendance in a class: present, late, excused, absent, and the rate.",
        description = "The rate is (present + late) / (roll calls - excused); --late-counts-as absent counts late as"
                + " absent instead. A student with no record at a roll call counts as absent there.")
final class TeacherReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, as YYYY-MM-DD (default: the first roll call).")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, as YYYY-MM-DD (default: the last roll call).")
    private String to;

    @Option(names = "--late-counts-as", paramLabel = "present|absent", defaultValue = "present",
            description = "How the rate counts a late student: present (default) or absent.")
    private String lateCountsAs;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the report to this CSV file (- for standard output).")
    private Path csv;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write the report to this Excel workbook (.xlsx).")
    private Path xlsx;

    @Option(names = "--csv-separator", paramLabel = ", or ;", defaultValue = ",",
            description = "Between the CSV's fields: , (default) or ; for Excel in a Brazilian locale.")
    private String separator;

    @Option(names = "--bom", description = "Start the CSV with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.")
    private boolean byteOrderMark;

    @Override
    public Integer call() {
        TeacherCommand teacher = TeacherCommand.of(spec);
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        LateCountsAs late = LateCountsAs.fromWire(lateCountsAs).orElseThrow(() -> new CommandFailure(ExitCodes.USAGE,
                TeacherText.BAD_LATE_COUNTS_AS.format(teacher.lang(), lateCountsAs)));
        if (!separator.equals(",") && !separator.equals(";")) {
            throw new CommandFailure(ExitCodes.USAGE, TeacherText.BAD_CSV_SEPARATOR.format(teacher.lang(), separator));
        }
        Optional<LocalDate> first = date(teacher, "--from", from);
        Optional<LocalDate> last = date(teacher, "--to", to);
        if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
            throw new CommandFailure(ExitCodes.USAGE, TeacherText.BAD_PERIOD.format(teacher.lang(), from, to));
        }
        if (xlsx != null && CsvExport.isStdout(xlsx)) {
            throw new CommandFailure(ExitCodes.USAGE, TeacherText.XLSX_NOT_STDOUT.format(teacher.lang()));
        }
        try (Link link = teacher.link(spec)) {
            return teacher.actions(link, spec).report(classId, first, last, late, Optional.ofNullable(csv),
                    new ExportCsv.Format(separator.charAt(0), byteOrderMark), Optional.ofNullable(xlsx));
        }
    }

    private static Optional<LocalDate> date(TeacherCommand teacher, String option, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new CommandFailure(ExitCodes.USAGE, TeacherText.BAD_DATE.format(teacher.lang(), option, text));
        }
    }
}
