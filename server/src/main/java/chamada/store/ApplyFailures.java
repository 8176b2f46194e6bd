package chamada.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What the applier says while SQLite refuses its batches (a full disk, a lock held by
 * another program): the first failure with its stack trace, then one line a minute while
 * it lasts, then one line when it is over. It retries every second, and a log line a
 * second would bury everything else.
 */
final class ApplyFailures {

    private static final Logger log = LoggerFactory.getLogger(ApplyFailures.class);
    private static final long REPEAT_NANOS = 60_000_000_000L;

    private final Path file;
    private final long retryMillis;
    private long failuresInARow;
    private long lastSaid;

    ApplyFailures(Path file, long retryMillis) {
        this.file = file;
        this.retryMillis = retryMillis;
    }

    void failed(SQLException e, int writes) {
        long now = System.nanoTime();
        if (failuresInARow++ == 0) {
            log.error("Applying {} journaled writes to {} failed ({}); trying again every {} ms (the journal keeps"
                    + " them, and reads wait)", writes, file, e.getMessage(), retryMillis, e);
            lastSaid = now;
        } else if (now - lastSaid >= REPEAT_NANOS) {
            log.error("Applying journaled writes to {} still fails after {} tries: {}", file, failuresInARow, e.toString());
            lastSaid = now;
        }
    }

    void succeeded() {
        if (failuresInARow > 0) {
            log.info("Applying journaled writes to {} works again, after {} failed tries", file, failuresInARow);
            failuresInARow = 0;
        }
    }
}
