package chamada.cli;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

import java.util.Optional;

/**
 * The logging of the chamada program: one line per event on stderr, so that stdout carries
 * only what a command prints for a person or a script (a roll call list, a CSV with
 * {@code export -}). INFO and above, except the SQLite driver and Jetty (the web front), which
 * are chatty at INFO (Jetty: a banner and a line per component started or stopped) and say
 * nothing an operator needs there: WARN and above.
 *
 * <p>Logback finds this class through {@code META-INF/services} and runs it before it looks
 * for XML. It is code rather than a {@code logback.xml} for start-up time: reading the XML
 * (Logback's Joran) loads hundreds of classes, a large part of the server's start-up (see
 * BENCHMARKS.md, "Start-up"). {@code -Dlogback.configurationFile=FILE} still
 * wins: then this steps aside and Logback reads FILE.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

    /** Called by Logback's ServiceLoader. */
    public StderrLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, Optional.ofNullable(System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY)));
    }

    /** As {@link #configure(LoggerContext)}, with the value of {@code -Dlogback.configurationFile} if any. */
    ExecutionStatus configure(LoggerContext context, Optional<String> configurationFile) {
        if (configurationFile.isPresent()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        context.getLogger("org.sqlite").setLevel(Level.WARN);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        // Flyway and HikariCP tell every step at INFO; the store says in one line what it opened.
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
