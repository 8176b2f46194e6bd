package chamada.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import chamada.i18n.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's log as its options ask ({@link LogOptions}), for as long as the server runs: to a
 * file Logback rolls over by day and by size, or to stderr as always ({@link StderrLogging}); in
 * lines or in JSON; at the level chosen. Closing it puts back what was there, so a server run
 * inside another program (the tests) leaves that program's logging as it found it.
 */
final class ServerLogging implements AutoCloseable {

    /** The loggers of the server's own classes, whose level --log-level sets. */
    private static final String CHAMADA = "chamada";
    static final Map<String, Level> LEVELS = Map.of("error", Level.ERROR, "warn", Level.WARN, "info", Level.INFO,
            "debug", Level.DEBUG);
    /** How long rolled-over files are kept, and how much they may take together, in files' worth. */
    private static final int KEEP_DAYS = 30;
    private static final int KEEP_FILES_OF_SIZE = 40;

    /** What the options asked: the file (empty: stderr), its size before a new one, JSON or lines, the level. */
    record Settings(Optional<Path> file, long maxFileMb, boolean json, Optional<Level> level) {
    }

    private final ch.qos.logback.classic.Logger root;
    private final ch.qos.logback.classic.Logger chamada;
    private final Level levelBefore;
    private final Level chamadaLevelBefore;
    private final List<Appender<ILoggingEvent>> appendersBefore;
    private final Optional<Appender<ILoggingEvent>> installed;

    private ServerLogging(ch.qos.logback.classic.Logger root, ch.qos.logback.classic.Logger chamada, Level levelBefore,
                          Level chamadaLevelBefore, List<Appender<ILoggingEvent>> appendersBefore,
                          Optional<Appender<ILoggingEvent>> installed) {
        this.root = root;
        this.chamada = chamada;
        this.levelBefore = levelBefore;
        this.chamadaLevelBefore = chamadaLevelBefore;
        this.appendersBefore = appendersBefore;
        this.installed = installed;
    }

    /** Logs as {@code settings} say until {@link #close}; a log file that cannot be written ends the command, naming it. */
    static ServerLogging apply(Settings settings) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            // Another SLF4J binding: its own configuration.
            return new ServerLogging(null, null, null, null, List.of(), Optional.empty());
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger chamada = context.getLogger(CHAMADA);
        Level rootBefore = root.getLevel();
        Level chamadaBefore = chamada.getLevel();
        // Debug is the server's own: the libraries' debug (Netty's, Jetty's) would bury its lines.
        settings.level().ifPresent(level -> {
            chamada.setLevel(level);
            root.setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
        });
        if (settings.file().isEmpty() && !settings.json()) {
            return new ServerLogging(root, chamada, rootBefore, chamadaBefore, List.of(), Optional.empty());
        }
        List<Appender<ILoggingEvent>> before = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(before::add);
        Appender<ILoggingEvent> appender = appender(context, settings);
        before.forEach(root::detachAppender);
        root.addAppender(appender);
        return new ServerLogging(root, chamada, rootBefore, chamadaBefore, before, Optional.of(appender));
    }

    private static Appender<ILoggingEvent> appender(LoggerContext context, Settings settings) {
        Encoder<ILoggingEvent> encoder = encoder(context, settings.json());
        OutputStreamAppender<ILoggingEvent> appender;
        if (settings.file().isPresent()) {
            RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
            rolling.setContext(context);
            rolling.setFile(settings.file().get().toString());
            SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
            policy.setContext(context);
            policy.setParent(rolling);
            policy.setFileNamePattern(settings.file().get() + ".%d{yyyy-MM-dd}.%i.gz");
            policy.setMaxFileSize(new FileSize(settings.maxFileMb() * FileSize.MB_COEFFICIENT));
            policy.setMaxHistory(KEEP_DAYS);
            policy.setTotalSizeCap(new FileSize(KEEP_FILES_OF_SIZE * settings.maxFileMb() * FileSize.MB_COEFFICIENT));
            policy.start();
            rolling.setRollingPolicy(policy);
            appender = rolling;
        } else {
            ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
            stderr.setContext(context);
            stderr.setTarget("System.err");
            appender = stderr;
        }
        appender.setName("CHAMADA-SERVER");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            // The message as a person reads it, not its pattern and arguments apart; nothing of
            // Logback's own context or sequence, which say nothing about the server.
            encoder.setWithFormattedMessage(true);
            encoder.setWithMessage(false);
            encoder.setWithArguments(false);
            encoder.setWithContext(false);
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithMDC(false);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(StderrLogging.PATTERN);
        encoder.start();
        return encoder;
    }

    /**
     * Logback says nothing when it cannot write its file, so the server opens it first, as
     * Logback will (its folders made if missing, nothing written).
     */
    static void open(Path file, Lang lang) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream ignored = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                // opened for writing: nothing written
            }
        } catch (IOException e) {
            throw CommandFailure.badValue("--log-file", Text.FILE_WRITE_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
    }

    /**
     * As {@link #open}, creating nothing, for {@code chamada config check}: the file, or the
     * nearest folder above it that exists, must be writable.
     */
    static void checkWritable(Path file, Lang lang) {
        Path existing = file.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing) || (existing.equals(file.toAbsolutePath())
                && Files.isDirectory(existing))) {
            throw CommandFailure.badValue("--log-file", Text.FILE_WRITE_FAILED.format(lang, file,
                    ServerCommandText.NOT_WRITABLE.format(lang, existing == null ? file : existing)));
        }
    }

    /** Puts back the level and the appenders there were, and closes the file. */
    @Override
    public void close() {
        if (root == null) {
            return;
        }
        installed.ifPresent(appender -> {
            root.detachAppender(appender);
            appender.stop();
            appendersBefore.forEach(root::addAppender);
        });
        root.setLevel(levelBefore);
        chamada.setLevel(chamadaLevelBefore);
    }
}
