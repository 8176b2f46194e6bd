package chamada.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns what a command threw into one line on stderr and an exit code: a
 * {@link CommandFailure} carries both; anything else is a bug, reported as
 * {@link ExitCodes#INTERNAL}. Stack traces only with {@code --verbose}.
 */
final class ExecutionFailureHandler implements IExecutionExceptionHandler {

    private final ConfigOrigin origin;

    /** Says where a config file gave a value the command refused, as {@code origin} knows it. */
    ExecutionFailureHandler(ConfigOrigin origin) {
        this.origin = origin;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        ChamadaCommand root = ChamadaCommand.of(commandLine.getCommandSpec());
        PrintWriter err = commandLine.getErr();
        int exitCode;
        if (ex instanceof CommandFailure failure) {
            err.println(origin.describe(failure, root.lang()));
            exitCode = failure.exitCode();
        } else {
            err.println(Text.INTERNAL_ERROR.format(root.lang(), ex));
            exitCode = ExitCodes.INTERNAL;
        }
        if (root.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }
}
