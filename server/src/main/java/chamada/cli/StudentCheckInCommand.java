package chamada.cli;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code chamada student checkin MATRICULA CLASS}: one check-in (see {@link StudentActions} for the exit codes). */
@Command(name = "checkin", mixinStandardHelpOptions = true,
        header = "Register a student as present in the open roll call of a class.")
final class StudentCheckInCommand implements Callable<Integer> {

    @ParentCommand
    private StudentCommand student;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MATRICULA", descriptionKey = "MATRICULA",
            description = "The student's number, 1 to 20 digits.")
    private String matriculaText;

    @Parameters(index = "1", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Option(names = "--code", paramLabel = "CODE",
            description = "The check-in code shown in the classroom, when the roll call asks for one.")
    private String code;

    @Override
    public Integer call() {
        Matricula matricula = Inputs.matricula(spec, student.lang(), matriculaText);
        ClassId classId = Inputs.classId(spec, student.lang(), classText);
        Optional<String> typedCode = Optional.ofNullable(code).map(c -> Inputs.code(spec, student.lang(), c));
        try (Link link = student.link()) {
            return new StudentActions(link, student.lang(), spec.commandLine().getOut(), spec.commandLine().getErr())
                    .checkIn(matricula, classId, typedCode);
        }
    }
}
