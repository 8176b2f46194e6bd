package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.ClassId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * What the teacher subcommands that take one class number share: the class is checked
 * before connecting, then one action runs over one link. Built for extension by those
 * subcommands only.
 */
abstract class TeacherClassCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    /** The language of this command's texts. */
    final Lang lang() {
        return TeacherCommand.of(spec).lang();
    }

    /** What the command reads besides its arguments, and where Ctrl-C reaches it. */
    final Terminal terminal() {
        return TeacherCommand.of(spec).terminal();
    }

    /** The one action of this subcommand; returns its exit code. */
    abstract int run(TeacherActions actions, ClassId classId);

    @Override
    public final Integer call() {
        TeacherCommand teacher = TeacherCommand.of(spec);
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        try (Link link = teacher.link(spec)) {
            return run(teacher.actions(link, spec), classId);
        }
    }
}
