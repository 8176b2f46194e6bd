package chamada.cli;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.error.Expected;
import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code chamada teacher roster CLASS}: lists the roster of a class; its subcommands import
 * one from a CSV file and remove it. The class is optional to picocli only so that
 * {@code roster import CLASS FILE} reaches the subcommand: without a subcommand it is required.
 */
@Command(name = "roster", mixinStandardHelpOptions = true,
        header = "List the roster of a class (matrícula and name); import or clear it with a subcommand.",
        subcommands = {TeacherRosterImportCommand.class, TeacherRosterClearCommand.class})
final class TeacherRosterCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Override
    public Integer call() {
        TeacherCommand teacher = TeacherCommand.of(spec);
        if (classText == null) {
            throw new ParameterException(spec.commandLine(),
                    new ChamadaException(ErrorCode.MISSING_FIELD, ClassId.FIELD, Expected.CLASS_ID).message(teacher.lang()));
        }
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        try (Link link = teacher.link(spec)) {
            return teacher.actions(link, spec).roster(classId);
        }
    }
}
