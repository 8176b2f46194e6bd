package chamada.cli;

import chamada.i18n.Lang;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The logging options of {@code chamada server}, a picocli mixin of {@link ServerCommand}: where
 * the log goes, in which form, and how much of it ({@link ServerLogging} applies them).
 */
final class LogOptions {

    static final long MAX_FILE_MB = 1024;
    private static final String LEVELS = "error, warn, info, debug";

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Write the log to FILE instead of stderr, a new file each day and whenever it passes"
                    + " --log-max-file-mb, the old ones compressed beside it and kept 30 days (default: stderr,"
                    + " which systemd's journal keeps).")
    private Path file;

    @Option(names = "--log-max-file-mb", paramLabel = "MB", defaultValue = "50",
            description = "With --log-file, start a new file when the current one passes this many MiB"
                    + " (default: ${DEFAULT-VALUE}).")
    private long maxFileMb;

    @Option(names = "--log-json", description = "One JSON object per line (Logback's JSON), for a log shipper.")
    private boolean json;

    // No default value: without the option, the levels stay as the logging was set up (a
    // -Dlogback.configurationFile's included).
    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "How much to log: " + LEVELS + "; debug adds a line per request (default: info).")
    private String level;

    /**
     * Ends the command, naming {@code --log-file}, if the log file cannot be written: opened before
     * the server starts ({@code create}), only looked at by {@code chamada config check}.
     */
    void checkWritable(Lang lang, boolean create) {
        if (file == null) {
            return;
        }
        if (create) {
            ServerLogging.open(file, lang);
        } else {
            ServerLogging.checkWritable(file, lang);
        }
    }

    /** The logging the options ask for; a value out of range ends the command, naming its option. */
    ServerLogging.Settings settings(Lang lang) {
        if (maxFileMb < 1 || maxFileMb > MAX_FILE_MB) {
            throw CommandFailure.outOfRange(lang, "--log-max-file-mb", 1, MAX_FILE_MB, maxFileMb);
        }
        Optional<String> chosen = Optional.ofNullable(level).map(text -> text.toLowerCase(Locale.ROOT));
        if (chosen.isPresent() && !ServerLogging.LEVELS.containsKey(chosen.get())) {
            throw CommandFailure.badValue("--log-level", ServerCommandText.BAD_LOG_LEVEL.format(lang, level, LEVELS));
        }
        return new ServerLogging.Settings(Optional.ofNullable(file), maxFileMb, json, chosen.map(ServerLogging.LEVELS::get));
    }
}
