package chamada.cli;

import chamada.rollcall.TeacherName;
import chamada.teachers.AccountAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada admin teacher ...}: teachers' accounts, kept in the server's store and honoured at once on every
 * node.
 */
@Command(name = "teacher", mixinStandardHelpOptions = true,
        header = "Teachers' accounts: list, add, remove, disable, enable, passwd.")
final class AdminTeacherCommand implements Callable<Integer> {

    static final String NEW_SECRET_VARIABLE = "CHAMADA_NEW_SECRET";
    private static final String NAME_HELP = "The teacher's login name: letters, digits, . _ -";

    @Spec
    private CommandSpec spec;

    /** {@code chamada admin teacher} alone lists the accounts. */
    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List every teacher's account.")
    int list() {
        return AdminCommand.of(spec).run(spec, AdminActions::teachers);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            header = "Add a teacher's account; its secret is asked twice without echo.")
    int add(@Parameters(paramLabel = "NAME", descriptionKey = "TEACHER", description = NAME_HELP) String name,
            @Option(names = "--admin", descriptionKey = "admin",
                    description = "Make the teacher a school administrator.") boolean administrator,
            @Option(names = "--new-secret", paramLabel = "SECRET", descriptionKey = "new-secret",
                    description = "The account's new secret (default: $" + NEW_SECRET_VARIABLE
                            + ", else asked twice without echo).") String newSecret) {
        return change(AccountAction.ADD, name, Optional.ofNullable(newSecret), administrator);
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            header = "Remove a teacher's account, and the teacher from their classes.")
    int remove(@Parameters(paramLabel = "NAME", descriptionKey = "TEACHER", description = NAME_HELP) String name) {
        return change(AccountAction.REMOVE, name, Optional.empty(), false);
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            header = "Stop a teacher from logging in, and end their sessions, without removing the account.")
    int disable(@Parameters(paramLabel = "NAME", descriptionKey = "TEACHER", description = NAME_HELP) String name) {
        return change(AccountAction.DISABLE, name, Optional.empty(), false);
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, header = "Let a disabled teacher log in again.")
    int enable(@Parameters(paramLabel = "NAME", descriptionKey = "TEACHER", description = NAME_HELP) String name) {
        return change(AccountAction.ENABLE, name, Optional.empty(), false);
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            header = "Set a teacher's secret; it is asked twice without echo.")
    int passwd(@Parameters(paramLabel = "NAME", descriptionKey = "TEACHER", description = NAME_HELP) String name,
               @Option(names = "--new-secret", paramLabel = "SECRET", descriptionKey = "new-secret",
                       description = "The account's new secret (default: $" + NEW_SECRET_VARIABLE
                               + ", else asked twice without echo).") String newSecret) {
        return change(AccountAction.PASSWD, name, Optional.ofNullable(newSecret), false);
    }

    private int change(AccountAction action, String name, Optional<String> newSecret, boolean administrator) {
        AdminCommand admin = AdminCommand.of(spec);
        CommandSpec command = spec.subcommands().get(action.wire()).getCommandSpec();
        TeacherName teacher = Inputs.teacherName(command, admin.lang(), name);
        Optional<String> secret = action.setsSecret() ? Optional.of(NewSecret.read(command, admin.terminal(),
                admin.lang(), teacher, newSecret.or(() -> admin.terminal().env(NEW_SECRET_VARIABLE)),
                new CommandFailure(ExitCodes.USAGE, AdminText.NO_NEW_SECRET.format(admin.lang(), teacher))))
                : Optional.empty();
        return admin.run(command, actions -> actions.account(action, teacher, secret, administrator));
    }
}
