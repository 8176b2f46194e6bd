package chamada.cli;

import chamada.materials.MaterialChoice;
import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada student download CLASS [NAME|NUMBER] [--out DIR] [--resume]}: a material, checked
 * against its SHA-256 and written whole or not at all; without a name, the seed's numbered menu
 * asks which.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        header = "Download a material of a class (without NAME, choose it from the list by its number).")
final class StudentDownloadCommand implements Callable<Integer> {

    @ParentCommand
    private StudentCommand student;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME|NUMBER", descriptionKey = "MATERIAL_CHOICE",
            description = "The material's name, or its number in chamada student files.")
    private String choice;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder to save it in (default: the current one).")
    private Path out = Path.of(".");

    @Option(names = "--resume", description = "Continue a download that was cut, from the NAME.part it left.")
    private boolean resume;

    @Override
    public Integer call() {
        ClassId classId = Inputs.classId(spec, student.lang(), classText);
        Optional<MaterialChoice> chosen = Optional.ofNullable(choice)
                .map(text -> Inputs.materialChoice(spec, student.lang(), text));
        try (Link link = student.link()) {
            return student.materials(link, spec).download(classId, chosen, out, resume, student.terminal());
        }
    }
}
