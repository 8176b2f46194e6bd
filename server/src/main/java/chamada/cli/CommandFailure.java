package chamada.cli;

import chamada.i18n.Lang;

import java.util.Optional;

/**
 * Ends a command with an exit code and one line for stderr, already in the user's language.
 *
 * <p>Thrown anywhere below a command's {@code call()}; {@link ExecutionFailureHandler} prints
 * the line (and, with {@code --verbose}, the cause's stack trace) and exits with the code.
 */
final class CommandFailure extends RuntimeException {

    private final int exitCode;
    private final Optional<String> option;

    CommandFailure(int exitCode, String line) {
        this(exitCode, line, null);
    }

    CommandFailure(int exitCode, String line, Throwable cause) {
        this(exitCode, line, cause, Optional.empty());
    }

    private CommandFailure(int exitCode, String line, Throwable cause, Optional<String> option) {
        super(line, cause, false, true);
        this.exitCode = exitCode;
        this.option = option;
    }

    /**
     * A usage error in the value of {@code option} (as {@code --port}): said with the config
     * file's line when the value came from one ({@link ConfigOrigin}).
     */
    static CommandFailure badValue(String option, String line, Throwable cause) {
        return new CommandFailure(ExitCodes.USAGE, line, cause, Optional.of(option));
    }

    static CommandFailure badValue(String option, String line) {
        return badValue(option, line, null);
    }

    /** A file {@code option} names that cannot be used ({@link ExitCodes#LOCAL_FILE}), said as {@link #badValue} is. */
    static CommandFailure badFile(String option, String line, Throwable cause) {
        return new CommandFailure(ExitCodes.LOCAL_FILE, line, cause, Optional.of(option));
    }

    /** {@code option}'s {@code value}, outside {@code min} to {@code max}. */
    static CommandFailure outOfRange(Lang lang, String option, long min, long max, long value) {
        return badValue(option, ServerCommandText.OUT_OF_RANGE.format(lang, option, min, max, value));
    }

    /** One of {@link ExitCodes}. */
    int exitCode() {
        return exitCode;
    }

    /** The option whose value this is about, if one. */
    Optional<String> option() {
        return option;
    }
}
