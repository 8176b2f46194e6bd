package chamada.cli;

import chamada.i18n.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The top command, {@code chamada}: holds the options every subcommand inherits
 * ({@code --lang}, {@code --verbose}) and the {@link Terminal} they read from. Its subcommands
 * are added by {@link Main}, only those the command line needs ({@link Subcommands}).
 */
@Command(name = "chamada",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Classroom roll call over TCP.",
        description = "Teachers open and close the roll call of a class; students check in while it is open."
                + " Messages and this help are in English or Brazilian Portuguese: see --lang.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                ExitCodes.OK + ":success, also a student already registered",
                ExitCodes.REFUSED + ":refused by the rules (the server's error reply, or a check-in refused as class 0)",
                ExitCodes.USAGE + ":usage error (bad option, matrícula, class or name); nothing was sent",
                ExitCodes.UNREACHABLE + ":cannot reach the server (refused, dropped, timeout), or server cannot listen",
                ExitCodes.LOCAL_FILE + ":a local file cannot be read or written (teachers file, CSV, database)",
                ExitCodes.INTERNAL + ":unexpected error (a bug); --verbose shows the stack trace",
                ExitCodes.NO_JDK + ":no JDK 21 or newer found (launcher)"})
final class ChamadaCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Spec
    private CommandSpec spec;

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "pt-BR|en", converter = LangConverter.class,
            description = "Language of messages: pt-BR or en (default: from the system locale).")
    private Lang lang;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On errors, also print the stack trace.")
    private boolean verbose;

    ChamadaCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** {@code chamada} alone is a usage error: say what the subcommands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The language chosen by {@code --lang}, else the terminal's. */
    Lang lang() {
        return lang != null ? lang : terminal.defaultLang();
    }

    boolean verbose() {
        return verbose;
    }

    Terminal terminal() {
        return terminal;
    }

    /** The top command of the command line {@code spec} belongs to. */
    static ChamadaCommand of(CommandSpec spec) {
        return (ChamadaCommand) spec.root().userObject();
    }
}
