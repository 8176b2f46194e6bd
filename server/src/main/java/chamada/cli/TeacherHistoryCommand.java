package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;

/** {@code chamada teacher history CLASS}: lists the closed roll calls of a class with their counts. */
@Command(name = "history", mixinStandardHelpOptions = true,
        header = "List the closed roll calls of a class, with how many were present.")
final class TeacherHistoryCommand extends TeacherClassCommand {

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.history(classId);
    }
}
