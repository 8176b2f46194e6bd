package chamada.cli;

import chamada.error.ChamadaException;
import chamada.materials.MaterialName;
import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chamada teacher upload CLASS FILE... [--as NAME]}: publishes files to a class, each under
 * its own file name (or {@code --as}, for one file), replacing a material of the same name. Exit
 * code: {@link ExitCodes#OK} when every file was published, else that of the first refusal (the
 * rest are still sent).
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        header = "Publish files to a class, for its students to download (a file of the same name is replaced).")
final class TeacherUploadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", descriptionKey = "UPLOAD_FILES",
            description = "The files to publish.")
    private List<Path> files;

    @Option(names = "--as", paramLabel = "NAME", description = "The name students see, for a single file (default: its own).")
    private String as;

    @Override
    public Integer call() {
        TeacherCommand teacher = TeacherCommand.of(spec);
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        if (as != null && files.size() != 1) {
            throw new CommandFailure(ExitCodes.USAGE, MaterialText.AS_ONE_FILE.format(teacher.lang(), files.size()));
        }
        List<MaterialName> names = files.stream().map(file -> name(teacher, file)).toList();
        try (Link link = teacher.link(spec)) {
            ClassMaterials materials = teacher.actions(link, spec).materials();
            int exit = ExitCodes.OK;
            for (int i = 0; i < files.size(); i++) {
                int uploaded = materials.upload(classId, files.get(i), names.get(i));
                exit = exit == ExitCodes.OK ? uploaded : exit;
            }
            return exit;
        }
    }

    private MaterialName name(TeacherCommand teacher, Path file) {
        if (as != null) {
            return Inputs.materialName(spec, teacher.lang(), as);
        }
        Path own = file.getFileName();
        try {
            return new MaterialName(own == null ? "" : own.toString());
        } catch (ChamadaException e) {
            throw new CommandFailure(ExitCodes.USAGE, MaterialText.BAD_FILE_NAME.format(teacher.lang(), file,
                    e.message(teacher.lang())), e);
        }
    }
}
