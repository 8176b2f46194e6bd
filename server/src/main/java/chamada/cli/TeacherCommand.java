package chamada.cli;

import chamada.i18n.Lang;
import chamada.protocol.Request;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada teacher}: with a subcommand, one action; alone, the interactive teacher
 * screen of the seed ({@link TeacherConsole}). Holds the options all teacher subcommands
 * inherit: where the server is and who logs in.
 */
@Command(name = "teacher",
        mixinStandardHelpOptions = true,
        header = "Open and close roll calls (interactive without a subcommand).",
        description = "Without a subcommand: an interactive screen where a class number opens its roll call"
                + " and the same number again closes it and lists who is present.",
        subcommands = {TeacherOpenCommand.class, TeacherCloseCommand.class, TeacherStatusCommand.class,
                TeacherHistoryCommand.class, TeacherExportCommand.class, TeacherRosterCommand.class, TeacherMarkCommand.class, TeacherAuditCommand.class,
                TeacherReportCommand.class, TeacherDefaultsCommand.class, TeacherInboxCommand.class, TeacherShowCommand.class,
                TeacherWatchCommand.class, TeacherUploadCommand.class, TeacherRemoveMaterialCommand.class,
                TeacherAddCommand.class})
final class TeacherCommand implements Callable<Integer> {

    static final String NAME_VARIABLE = TeacherLogin.NAME_VARIABLE;
    static final String SECRET_VARIABLE = TeacherLogin.SECRET_VARIABLE;

    @ParentCommand
    private ChamadaCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TeacherLogin teacherLogin;

    /** The interactive screen. */
    @Override
    public Integer call() {
        Optional<Request.Login> login = teacherLogin.login(spec, lang(), terminal());
        try (Link link = teacherLogin.link(login, lang())) {
            return new TeacherConsole(root.terminal(), link, lang(), out(spec), err(spec),
                    login.map(Request.Login::name)).run();
        }
    }

    Lang lang() {
        return root.lang();
    }

    /** The {@code teacher} command above {@code command}, however deep: its options hold the server and the login. */
    static TeacherCommand of(CommandSpec command) {
        for (CommandSpec spec = command; spec != null; spec = spec.parent()) {
            if (spec.userObject() instanceof TeacherCommand teacher) {
                return teacher;
            }
        }
        throw new IllegalStateException(command.qualifiedName() + " is not under chamada teacher");
    }

    Terminal terminal() {
        return root.terminal();
    }

    /** A link to the server for {@code command}, logging in if a name was given. */
    Link link(CommandSpec command) {
        return teacherLogin.link(command, lang(), terminal());
    }

    /** The actions, printing to {@code command}'s writers. */
    TeacherActions actions(Link link, CommandSpec command) {
        return new TeacherActions(link, lang(), out(command), err(command));
    }

    /** The secret from {@code --secret} or {@code $CHAMADA_SECRET}, if given there. */
    Optional<String> givenSecret() {
        return teacherLogin.givenSecret(terminal());
    }

    static PrintWriter out(CommandSpec command) {
        return command.commandLine().getOut();
    }

    static PrintWriter err(CommandSpec command) {
        return command.commandLine().getErr();
    }
}
