package chamada.cli;

import chamada.client.ClientTls;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.rollcall.TeacherName;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Optional;

/**
 * Where the server is and who logs in: the options of every command that acts as a teacher
 * ({@code chamada teacher}, {@code chamada admin}), inherited by their subcommands.
 */
final class TeacherLogin {

    static final String NAME_VARIABLE = "CHAMADA_TEACHER";
    static final String SECRET_VARIABLE = "CHAMADA_SECRET";

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

    /** A link to the server for {@code command}, logging in if a name was given. */
    Link link(CommandSpec command, Lang lang, Terminal terminal) {
        // Read first: a --ca file that cannot be used is said before the secret is asked for.
        Optional<ClientTls> tls = address.tls(lang);
        return new Link(address, tls, lang, login(command, lang, terminal));
    }

    /** A link to the server, logging in with {@code login} if there is one. */
    Link link(Optional<Request.Login> login, Lang lang) {
        return new Link(address, lang, login);
    }

    /** The secret from {@code --secret} or {@code $CHAMADA_SECRET}, if given there. */
    Optional<String> givenSecret(Terminal terminal) {
        return Optional.ofNullable(secret).or(() -> terminal.env(SECRET_VARIABLE));
    }

    /**
     * The credentials to log in with: none without a name; with a name, the given secret,
     * else one typed at a prompt.
     */
    Optional<Request.Login> login(CommandSpec command, Lang lang, Terminal terminal) {
        Optional<String> given = Optional.ofNullable(name).or(() -> terminal.env(NAME_VARIABLE));
        if (given.isEmpty()) {
            return Optional.empty();
        }
        TeacherName teacher = Inputs.teacherName(command, lang, given.get());
        String typed = givenSecret(terminal).or(() -> terminal.secrets().read(Text.SECRET_PROMPT.format(lang, teacher)))
                .orElseThrow(() -> new CommandFailure(ExitCodes.USAGE, Text.NO_SECRET.format(lang, teacher)));
        return Optional.of(new Request.Login(teacher.value(), typed));
    }
}
