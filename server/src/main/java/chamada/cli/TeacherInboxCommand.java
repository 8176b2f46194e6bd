package chamada.cli;

import chamada.rollcall.ClassId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chamada teacher inbox CLASS [--unread] [--mark-read]}: the class's messages, oldest first. */
@Command(name = "inbox", mixinStandardHelpOptions = true,
        header = "Show the messages students sent to a class, oldest first.")
final class TeacherInboxCommand extends TeacherClassCommand {

    @Option(names = "--unread", description = "Only the messages not marked read yet.")
    private boolean unreadOnly;

    @Option(names = "--mark-read", description = "Mark the messages shown read.")
    private boolean markRead;

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.messages().inbox(classId, unreadOnly, markRead);
    }
}
