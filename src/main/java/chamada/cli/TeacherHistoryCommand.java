package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code chamada teacher history CLASS}: lists the closed roll calls of a class with their counts. */
@Command(name = "history", mixinStandardHelpOptions = true,
        header = "List the closed roll calls of a class, with how many were present.")
final class TeacherHistoryCommand implements Callable<Integer> {

    @ParentCommand
    private TeacherCommand teacher;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Override
    public Integer call() {
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        try (Link link = teacher.link(spec)) {
            return teacher.actions(link, spec).history(classId);
        }
    }
}
