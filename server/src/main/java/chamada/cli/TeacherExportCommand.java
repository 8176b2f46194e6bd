package chamada.cli;

import chamada.protocol.ExportCsv;
import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code chamada teacher export CLASS --csv FILE}: writes every check-in of the closed roll calls of a class as CSV ({@link CsvExport}). */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write the closed roll calls of a class to a CSV file.",
        description = "One row per student of each closed roll call, header " + ExportCsv.HEADER + ", ISO-8601"
                + " times: those who checked in, then the absent and those a teacher marked without a check-in."
                + " A roll call with nobody is one row with an empty matricula.")
final class TeacherExportCommand implements Callable<Integer> {

    @ParentCommand
    private TeacherCommand teacher;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "The CSV file to write (replaced if it exists); - writes to standard output.")
    private Path csv;

    @Option(names = "--csv-separator", paramLabel = ", or ;", defaultValue = ",",
            description = "Between fields: , as RFC 4180 (default), or ; for Excel in a Brazilian or European locale.")
    private String separator;

    @Option(names = "--bom",
            description = "Start the file with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.")
    private boolean byteOrderMark;

    @Override
    public Integer call() {
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        ExportCsv.Format format = format();
        try (Link link = teacher.link(spec)) {
            return teacher.actions(link, spec).export(classId, csv, format);
        }
    }

    private ExportCsv.Format format() {
        if (!separator.equals(",") && !separator.equals(";")) {
            throw new CommandFailure(ExitCodes.USAGE, TeacherText.BAD_CSV_SEPARATOR.format(teacher.lang(), separator));
        }
        return new ExportCsv.Format(separator.charAt(0), byteOrderMark);
    }
}
