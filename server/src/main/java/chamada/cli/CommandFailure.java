package chamada.cli;

/**
 * Ends a command with an exit code and one line for stderr, already in the user's language.
 *
 * <p>Thrown anywhere below a command's {@code call()}; {@link ExecutionFailureHandler} prints
 * the line (and, with {@code --verbose}, the cause's stack trace) and exits with the code.
 */
final class CommandFailure extends RuntimeException {

    private final int exitCode;

    CommandFailure(int exitCode, String line) {
        this(exitCode, line, null);
    }

    CommandFailure(int exitCode, String line, Throwable cause) {
        super(line, cause, false, true);
        this.exitCode = exitCode;
    }

    /** One of {@link ExitCodes}. */
    int exitCode() {
        return exitCode;
    }
}
