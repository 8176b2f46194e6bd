package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;

/** {@code chamada teacher open CLASS}: opens the roll call of a class and prints when. */
@Command(name = "open", mixinStandardHelpOptions = true,
        header = "Open the roll call of a class.")
final class TeacherOpenCommand extends TeacherClassCommand {

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.open(classId);
    }
}
