package chamada.cli;

import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chamada admin class ...}: which teachers each class belongs to. A class with assigned
 * teachers is theirs and the administrators' only; a class with none is every teacher's.
 */
@Command(name = "class", mixinStandardHelpOptions = true,
        header = "Which teachers each class belongs to: list, assign, clear.")
final class AdminClassCommand implements Callable<Integer> {

    private static final String CLASS_HELP = "Class number, e.g. 1010.";

    @Spec
    private CommandSpec spec;

    /** {@code chamada admin class} alone lists the assignments. */
    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List every class with assigned teachers.")
    int list() {
        return AdminCommand.of(spec).run(spec, AdminActions::assignments);
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            header = "Make these teachers the class's teachers, replacing any it had.")
    int assign(@Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = CLASS_HELP)
               String classText,
               @Parameters(index = "1..*", arity = "1..*", paramLabel = "NAME", descriptionKey = "TEACHERS",
                       description = "The login names of the class's teachers.")
               List<String> names) {
        CommandSpec command = spec.subcommands().get("assign").getCommandSpec();
        AdminCommand admin = AdminCommand.of(spec);
        ClassId classId = Inputs.classId(command, admin.lang(), classText);
        List<TeacherName> teachers = names.stream()
                .map(name -> Inputs.teacherName(command, admin.lang(), name)).toList();
        return admin.run(command, actions -> actions.assign(classId, teachers));
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            header = "Remove the class's teachers: every teacher may use it again.")
    int clear(@Parameters(paramLabel = "CLASS", descriptionKey = "CLASS", description = CLASS_HELP) String classText) {
        CommandSpec command = spec.subcommands().get("clear").getCommandSpec();
        AdminCommand admin = AdminCommand.of(spec);
        ClassId classId = Inputs.classId(command, admin.lang(), classText);
        return admin.run(command, actions -> actions.assign(classId, List.of()));
    }
}
