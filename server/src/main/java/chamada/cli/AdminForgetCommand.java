package chamada.cli;

import chamada.rollcall.Matricula;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code chamada admin forget MATRICULA --confirm}: the student's right to erasure. Without
 * {@code --confirm} it only says what it would do, and that a school may have to keep the
 * attendance by law, and sends nothing.
 */
@Command(name = "forget", mixinStandardHelpOptions = true,
        header = "Erase a student's identity for good: a random number replaces the matrícula everywhere, the name"
                + " and the reasons written about them are erased, the attendance counts stay.")
final class AdminForgetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MATRICULA", descriptionKey = "MATRICULA", description = "The student's matrícula.")
    private String matricula;

    @Option(names = "--confirm", descriptionKey = "chamada.admin.forget.confirm",
            description = "Do it: without this, only say what it would do.")
    private boolean confirm;

    @Override
    public Integer call() {
        AdminCommand admin = AdminCommand.of(spec);
        Matricula student = Inputs.matricula(spec, admin.lang(), matricula);
        if (!confirm) {
            spec.commandLine().getErr().println(AdminText.FORGET_WARNING.format(admin.lang(), student));
            return ExitCodes.USAGE;
        }
        return admin.run(spec, actions -> actions.forget(student));
    }
}
