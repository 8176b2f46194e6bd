package chamada.cli;

import picocli.CommandLine;

import java.util.List;

/**
 * The bench jar's program: {@code chamada} with the one subcommand {@code bench}, so that
 * {@code chamada [--lang L] [--verbose] bench ...} reads, prints and exits as it did when the
 * bench was in the server's jar. See {@link ExitCodes} for what it exits with.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(Terminal.system(), args).execute(args));
    }

    /** The command line for {@code args}, with its help in the language they ask for. */
    static CommandLine commandLine(Terminal terminal, String... args) {
        return Main.commandLine(terminal, List.of(BenchCommand.class), BenchPortugueseHelp::new, args);
    }
}
