package chamada.cli;

import chamada.i18n.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * {@code chamada admin}: what a school administrator manages on a running server, teachers'
 * accounts and classes' teachers, logged in as an administrator (in open mode, anybody on the
 * server's machine is one). Holds the options its subcommands inherit.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        header = "Manage teachers' accounts and which teachers each class belongs to (administrators only).",
        subcommands = {AdminTeacherCommand.class, AdminClassCommand.class, AdminExportStudentCommand.class,
                AdminForgetCommand.class})
final class AdminCommand implements Callable<Integer> {

    @ParentCommand
    private ChamadaCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TeacherLogin teacherLogin;

    /** {@code chamada admin} alone: say what the subcommands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    Lang lang() {
        return root.lang();
    }

    Terminal terminal() {
        return root.terminal();
    }

    /** Runs {@code action} over a link to the server, logged in as {@code --name}, printing to {@code command}'s writers. */
    int run(CommandSpec command, ToIntFunction<AdminActions> action) {
        try (Link link = teacherLogin.link(command, lang(), terminal())) {
            return action.applyAsInt(new AdminActions(link, lang(), command.commandLine().getOut(),
                    command.commandLine().getErr()));
        }
    }

    /** The {@code admin} command above {@code command}, however deep. */
    static AdminCommand of(CommandSpec command) {
        for (CommandSpec spec = command; spec != null; spec = spec.parent()) {
            if (spec.userObject() instanceof AdminCommand admin) {
                return admin;
            }
        }
        throw new IllegalStateException(command.qualifiedName() + " is not under chamada admin");
    }
}
