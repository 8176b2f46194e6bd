package chamada.cli;

import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.rollcall.TeacherName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
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
                TeacherReportCommand.class,
                TeacherAddCommand.class})
final class TeacherCommand implements Callable<Integer> {

    static final String NAME_VARIABLE = "CHAMADA_TEACHER";
    static final String SECRET_VARIABLE = "CHAMADA_SECRET";

    @ParentCommand
    private ChamadaCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerAddress address;

    @Option(names = "--name", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Log in as this teacher (default: $" + NAME_VARIABLE + ")."
                    + " Without a name no login is sent: enough for a server in open mode.")
    private String name;

    @Option(names = "--secret", scope = ScopeType.INHERIT, paramLabel = "SECRET",
            description = "The teacher's secret (default: $" + SECRET_VARIABLE + ", else asked without echo)."
                    + " Other users can see it in the process list: prefer the variable or the prompt.")
    private String secret;

    /** The interactive screen. */
    @Override
    public Integer call() {
        Optional<Request.Login> login = login(spec);
        try (Link link = new Link(address, lang(), login)) {
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
        return new Link(address, lang(), login(command));
    }

    /** The actions, printing to {@code command}'s writers. */
    TeacherActions actions(Link link, CommandSpec command) {
        return new TeacherActions(link, lang(), out(command), err(command));
    }

    /** The secret from {@code --secret} or {@code $CHAMADA_SECRET}, if given there. */
    Optional<String> givenSecret() {
        return Optional.ofNullable(secret).or(() -> terminal().env(SECRET_VARIABLE));
    }

    /**
     * The credentials to log in with: none without a name; with a name, the given secret,
     * else one typed at a prompt.
     */
    private Optional<Request.Login> login(CommandSpec command) {
        Optional<String> given = Optional.ofNullable(name).or(() -> terminal().env(NAME_VARIABLE));
        if (given.isEmpty()) {
            return Optional.empty();
        }
        TeacherName teacher = Inputs.teacherName(command, lang(), given.get());
        String typed = givenSecret().or(() -> terminal().secrets().read(Text.SECRET_PROMPT.format(lang(), teacher)))
                .orElseThrow(() -> new CommandFailure(ExitCodes.USAGE, Text.NO_SECRET.format(lang(), teacher)));
        return Optional.of(new Request.Login(teacher.value(), typed));
    }

    static PrintWriter out(CommandSpec command) {
        return command.commandLine().getOut();
    }

    static PrintWriter err(CommandSpec command) {
        return command.commandLine().getErr();
    }
}
