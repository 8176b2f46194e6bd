package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code chamada teacher show CLASS ID|off}: the message the class's question screen shows, without its sender. */
@Command(name = "show", mixinStandardHelpOptions = true,
        header = "Show a message on the class's question screen, for the projector: its text, never its sender.")
final class TeacherShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Parameters(index = "1", paramLabel = "ID|off", descriptionKey = "SHOWN_CHOICE",
            description = "The message's number, as chamada teacher inbox shows it, or off for none.")
    private String choice;

    @Override
    public Integer call() {
        TeacherCommand teacher = TeacherCommand.of(spec);
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        Optional<Long> id = Inputs.shownChoice(spec, teacher.lang(), choice);
        try (Link link = teacher.link(spec)) {
            return teacher.actions(link, spec).messages().show(classId, id);
        }
    }
}
