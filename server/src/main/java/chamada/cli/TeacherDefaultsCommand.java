package chamada.cli;

import chamada.protocol.Wire;
import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code chamada teacher defaults CLASS [--late-after MINUTES|off]}: a class's defaults, read or set. */
@Command(name = "defaults", mixinStandardHelpOptions = true,
        header = "Show a class's defaults, or set the lateness its roll calls take when opened without --late-after.")
final class TeacherDefaultsCommand extends TeacherClassCommand {

    @Option(names = "--late-after", paramLabel = "MINUTES|off",
            description = "Check-ins more than this many minutes after the opening of the class's roll calls are late"
                    + " (0 to 720), unless one is opened with its own --late-after; off: none.")
    private String lateAfter;

    @Override
    int run(TeacherActions actions, ClassId classId) {
        if (lateAfter == null) {
            return actions.defaults(classId, Optional.empty());
        }
        return actions.defaults(classId, Optional.of(lateAfter.equals(Wire.OFF) ? Optional.empty()
                : Optional.of(Inputs.lateAfter(lang(), lateAfter))));
    }
}
