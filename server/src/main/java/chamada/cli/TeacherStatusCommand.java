package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;

/** {@code chamada teacher status CLASS}: lists who has checked in so far to an open roll call. */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "List who has checked in so far to the open roll call of a class.")
final class TeacherStatusCommand extends TeacherClassCommand {

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.status(classId);
    }
}
