package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code chamada teacher rm CLASS NAME}: takes a material off a class. */
@Command(name = "rm", mixinStandardHelpOptions = true, header = "Remove a material from a class.")
final class TeacherRemoveMaterialCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Parameters(index = "1", paramLabel = "NAME", descriptionKey = "MATERIAL_NAME",
            description = "The material's name, as chamada student files lists it.")
    private String name;

    @Override
    public Integer call() {
        TeacherCommand teacher = TeacherCommand.of(spec);
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        var material = Inputs.materialName(spec, teacher.lang(), name);
        try (Link link = teacher.link(spec)) {
            return teacher.actions(link, spec).materials().remove(classId, material);
        }
    }
}
