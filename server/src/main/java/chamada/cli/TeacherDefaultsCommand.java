package chamada.cli;

import chamada.protocol.Wire;
import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * {@code chamada teacher defaults CLASS [--late-after MINUTES|off] [--anonymous-messages on|off]}: a
 * class's defaults, read or set: the lateness its roll calls take, and whether it takes anonymous messages.
 */
@Command(name = "defaults", mixinStandardHelpOptions = true,
        header = "Show a class's defaults, or set the lateness its roll calls take when opened without --late-after"
                + " and whether it takes anonymous messages.")
final class TeacherDefaultsCommand extends TeacherClassCommand {

    @Option(names = "--late-after", paramLabel = "MINUTES|off",
            description = "Check-ins more than this many minutes after the opening of the class's roll calls are late"
                    + " (0 to 720), unless one is opened with its own --late-after; off: none.")
    private String lateAfter;

    @Option(names = "--anonymous-messages", paramLabel = "on|off",
            description = "Whether students may write to the class's teachers without a matrícula (on: chamada student"
                    + " message --anonymous) or only with one (off), checked against the roster if the class has one.")
    private String anonymousMessages;

    @Override
    int run(TeacherActions actions, ClassId classId) {
        Optional<Boolean> anonymous = Optional.ofNullable(anonymousMessages).map(this::onOff);
        int lateness = lateAfter == null ? actions.defaults(classId, Optional.empty())
                : actions.defaults(classId, Optional.of(lateAfter.equals(Wire.OFF) ? Optional.empty()
                        : Optional.of(Inputs.lateAfter(lang(), lateAfter))));
        if (lateness != ExitCodes.OK) {
            return lateness;
        }
        return actions.messages().anonymous(classId, anonymous);
    }

    private boolean onOff(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new CommandFailure(ExitCodes.USAGE, InboxText.BAD_ON_OFF.format(lang(), word));
        };
    }
}
