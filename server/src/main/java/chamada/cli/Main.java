package chamada.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The {@code chamada} program: {@code chamada teacher}, {@code chamada student} and
 * {@code chamada server}; {@code chamada bench} is the bench jar's ({@link BenchJarCommand}).
 * See {@link ExitCodes} for what it exits with.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(commandLine(Terminal.system(), args), args));
    }

    /** Runs {@code chamada args} in this JVM, printing to {@code out} and {@code err}; returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Terminal.system(), out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, reading input, environment and secrets from {@code terminal}. */
    static int run(Terminal terminal, PrintWriter out, PrintWriter err, String... args) {
        return run(commandLine(terminal, args), out, err, args);
    }

    /** Runs {@code commandLine} on {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    static int run(CommandLine commandLine, PrintWriter out, PrintWriter err, String... args) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return execute(commandLine, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs {@code commandLine} on {@code args}, a server's config file read into them first
     * ({@link ServerArguments}); a file that cannot be used ends it with its line said, and the
     * usage exit code.
     */
    static int execute(CommandLine commandLine, String... args) {
        Terminal terminal = ChamadaCommand.of(commandLine.getCommandSpec()).terminal();
        ServerArguments.Expanded expanded;
        try {
            expanded = ServerArguments.expand(commandLine, Help.requested(terminal.defaultLang(), args), args);
        } catch (CommandFailure e) {
            commandLine.getErr().println(e.getMessage());
            commandLine.getErr().flush();
            return e.exitCode();
        }
        commandLine.setParameterExceptionHandler(new UsageErrorHandler(expanded.origin()))
                .setExecutionExceptionHandler(new ExecutionFailureHandler(expanded.origin()));
        return commandLine.execute(expanded.args());
    }

    /** The command line for {@code args}, with its help in the language they ask for, as wide as the terminal. */
    static CommandLine commandLine(Terminal terminal, String... args) {
        return commandLine(terminal, Subcommands.needed(args), PortugueseHelp::new, args);
    }

    /**
     * The top command with {@code subcommands}, for {@code args}; its help is {@code portuguese}
     * when they ask for Portuguese. The bench jar's program is this with its one subcommand.
     */
    static CommandLine commandLine(Terminal terminal, List<Class<?>> subcommands, Supplier<ResourceBundle> portuguese,
                                   String... args) {
        CommandLine commandLine = new CommandLine(new ChamadaCommand(terminal));
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setParameterExceptionHandler(new UsageErrorHandler(ConfigOrigin.NONE))
                .setExecutionExceptionHandler(new ExecutionFailureHandler(ConfigOrigin.NONE));
        Help.localize(commandLine, terminal.defaultLang(), portuguese, args);
        Help.fitWidth(commandLine, terminal);
        return commandLine;
    }
}
