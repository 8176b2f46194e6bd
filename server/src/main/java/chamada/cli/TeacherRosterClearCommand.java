package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code chamada teacher roster clear CLASS}: removes the roster of a class, so any matrícula may check in again. */
@Command(name = "clear", mixinStandardHelpOptions = true,
        header = "Remove the roster of a class: any matrícula may check in again.")
final class TeacherRosterClearCommand extends TeacherClassCommand {

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.importRoster(classId, List.of());
    }
}
