package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;

/** {@code chamada teacher audit CLASS}: every change of a student's status in the class's roll calls, oldest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        header = "List every change of a student's status in the roll calls of a class: who, when, from what, to what, why.")
final class TeacherAuditCommand extends TeacherClassCommand {

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.audit(classId);
    }
}
