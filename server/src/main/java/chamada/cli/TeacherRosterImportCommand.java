package chamada.cli;

import chamada.rollcall.ClassId;
import chamada.roster.RosterFile;
import chamada.roster.RosterLineProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code chamada teacher roster import CLASS FILE.csv [--skip-bad]}: reads the file here
 * ({@link RosterFile}), reports every bad line by number, and sends nothing unless every line
 * is good or {@code --skip-bad} says to import the rest; the students sent become the class's
 * whole roster.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Make a CSV file the roster of a class.",
        description = "The file: UTF-8, a header line matricula,name (or matricula;nome, as a spreadsheet in a"
                + " Brazilian locale saves it), then one student per line. Every bad line is reported by number;"
                + " nothing is imported unless all are good or --skip-bad is given. The students in the file"
                + " become the whole roster: students not in it are taken off.")
final class TeacherRosterImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Parameters(index = "1", paramLabel = "FILE", descriptionKey = "ROSTER_FILE", description = "The roster, a CSV file.")
    private Path file;

    @Option(names = "--skip-bad", description = "Import the good lines even if some are bad (each is still reported).")
    private boolean skipBad;

    @Override
    public Integer call() {
        TeacherCommand teacher = TeacherCommand.of(spec);
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        RosterFile read = read(teacher);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (read.hasProblems()) {
            err.println(TeacherText.ROSTER_BAD_LINES.format(teacher.lang(), file, read.problems().size()));
            for (RosterLineProblem problem : read.problems()) {
                err.println("  " + problem.message(teacher.lang()));
            }
            if (!skipBad) {
                err.println(TeacherText.ROSTER_NOTHING_IMPORTED.format(teacher.lang(), read.students().size()));
                return ExitCodes.LOCAL_FILE;
            }
            out.println(TeacherText.ROSTER_SKIPPED.format(teacher.lang(), read.problems().size()));
        }
        if (read.students().isEmpty()) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, TeacherText.ROSTER_NO_STUDENTS.format(teacher.lang(), file, classId));
        }
        try (Link link = teacher.link(spec)) {
            return teacher.actions(link, spec).importRoster(classId, read.students());
        }
    }

    private RosterFile read(TeacherCommand teacher) {
        try {
            return RosterFile.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, TeacherText.ROSTER_UNREADABLE.format(teacher.lang(), file,
                    e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }
}
