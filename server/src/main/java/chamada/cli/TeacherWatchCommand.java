package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;

/** {@code chamada teacher watch CLASS}: the class's check-ins, corrections and messages as they happen. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        header = "Follow a class live: each check-in with the running count, each correction and each message,"
                + " until Ctrl-C.")
final class TeacherWatchCommand extends TeacherClassCommand {

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.messages().watch(classId, terminal().stop());
    }
}
