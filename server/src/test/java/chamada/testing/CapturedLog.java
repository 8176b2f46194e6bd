package chamada.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What one class logs while a test runs, safe to read from the test thread. */
public final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Logger logger;
    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

    private CapturedLog(Class<?> type) {
        this.logger = (Logger) LoggerFactory.getLogger(type);
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    public static CapturedLog of(Class<?> type) {
        return new CapturedLog(type);
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
    }

    /** Each event as {@code LEVEL message}. */
    public List<String> lines() {
        return events.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
