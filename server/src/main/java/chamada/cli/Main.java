package chamada.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The {@code chamada} program: {@code chamada teacher}, {@code chamada student} and
 * {@code chamada server}. See {@link ExitCodes} for what it exits with.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(Terminal.system(), args).execute(args));
    }

    /** Runs {@code chamada args} in this JVM, printing to {@code out} and {@code err}; returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Terminal.system(), out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, reading input, environment and secrets from {@code terminal}. */
    static int run(Terminal terminal, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(terminal, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line for {@code args}, with its help in the language they ask for. */
    static CommandLine commandLine(Terminal terminal, String... args) {
        CommandLine commandLine = new CommandLine(new ChamadaCommand(terminal));
        Subcommands.needed(args).forEach(commandLine::addSubcommand);
        commandLine.setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new ExecutionFailureHandler());
        Help.localize(commandLine, terminal.defaultLang(), args);
        return commandLine;
    }
}
