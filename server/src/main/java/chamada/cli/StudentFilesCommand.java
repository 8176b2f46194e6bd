package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code chamada student files CLASS}: the class's materials, numbered, with size, SHA-256 and date. */
@Command(name = "files", mixinStandardHelpOptions = true, header = "List the materials published to a class.")
final class StudentFilesCommand implements Callable<Integer> {

    @ParentCommand
    private StudentCommand student;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Override
    public Integer call() {
        ClassId classId = Inputs.classId(spec, student.lang(), classText);
        try (Link link = student.link()) {
            return student.materials(link, spec).list(classId);
        }
    }
}
