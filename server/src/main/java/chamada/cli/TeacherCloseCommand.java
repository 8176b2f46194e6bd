package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;

/** {@code chamada teacher close CLASS}: closes the roll call of a class and lists who is present. */
@Command(name = "close", mixinStandardHelpOptions = true,
        header = "Close the roll call of a class and list who is present.")
final class TeacherCloseCommand extends TeacherClassCommand {

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.close(classId);
    }
}
