package chamada.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/**
 * Reports a bad command line in a few lines rather than the full help: what is wrong,
 * suggestions for a mistyped option or subcommand, and which {@code --help} to read.
 * Exits with {@link ExitCodes#USAGE}.
 *
 * <p>Picocli's own parse errors are in English: they come before {@code --lang} may have
 * been read. Errors raised by the commands (bad matrícula, class, name) are in the
 * user's language.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    private final ConfigOrigin origin;

    /** Says where a config file gave a refused value, as {@code origin} knows it. */
    UsageErrorHandler(ConfigOrigin origin) {
        this.origin = origin;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        ChamadaCommand root = ChamadaCommand.of(commandLine.getCommandSpec());
        PrintWriter err = commandLine.getErr();
        err.println(describe(ex, origin, root.lang()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println(Text.USAGE_HINT.format(root.lang(), commandLine.getCommandSpec().qualifiedName()));
        if (root.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** {@code ex}'s message, with the config file's line when the value it refuses came from one. */
    static String describe(ParameterException ex, ConfigOrigin origin, chamada.i18n.Lang lang) {
        return ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option
                ? origin.describe(option.longestName(), ex.getMessage(), lang) : ex.getMessage();
    }
}
