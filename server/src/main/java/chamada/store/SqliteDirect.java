package chamada.store;

import chamada.rollcall.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store's writes that go straight to SQLite, not through the journal, on a
 * connection and a thread of their own: teachers' accounts, class assignments, class defaults
 * and class messages. They are a few a minute at most (messages are rate-limited per student and
 * per address, {@link chamada.messages.PostingLimits}), where the journal exists for the
 * check-ins' rate; each is one {@code BEGIN IMMEDIATE} transaction, fsynced at its commit
 * ({@code synchronous=FULL}), so it is as durable as a journaled write when its future completes.
 * Reads (a teacher's account, at each of their requests; an inbox) have a read-only connection
 * and a thread of their own too, so that they never wait behind a write waiting for SQLite's
 * lock, nor behind a long export.
 */
final class SqliteDirect implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteDirect.class);

    private final Path file;
    private final Connection writing;
    private final Connection reading;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("chamada-store-accounts").daemon(true).factory());
    private final ExecutorService reader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("chamada-store-accounts-reader").daemon(true).factory());

    private SqliteDirect(Path file, Connection writing, Connection reading) {
        this.file = file;
        this.writing = writing;
        this.reading = reading;
    }

    /** Opens the accounts' connections to {@code file}, whose schema is already up to date. */
    static SqliteDirect open(Path file) {
        Connection writing = null;
        try {
            writing = Connections.direct(file);
            return new SqliteDirect(file, writing, Connections.reader(file));
        } catch (SQLException e) {
            if (writing != null) {
                try {
                    writing.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw StoreUnavailableException.opening(file, e);
        }
    }

    <T> CompletableFuture<T> read(ReaderPool.Query<T> query) {
        return run(reader, () -> query.run(reading), StoreFailure.Kind.UNAVAILABLE);
    }

    /**
     * Runs {@code change} in one transaction, committed before the future completes. A failure
     * before the commit is {@link StoreFailure.Kind#NOT_MADE}, rolled back; a commit that fails
     * may have been made ({@link StoreFailure.Kind#OUTCOME_UNKNOWN}).
     */
    <T> CompletableFuture<T> write(ReaderPool.Query<T> change) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            writer.execute(() -> {
                T outcome;
                try (Statement statement = writing.createStatement()) {
                    statement.execute("BEGIN IMMEDIATE");
                    try {
                        outcome = change.run(writing);
                    } catch (SQLException | RuntimeException e) {
                        statement.execute("ROLLBACK");
                        throw e;
                    }
                } catch (SQLException | RuntimeException e) {
                    fail(result, StoreFailure.Kind.NOT_MADE, e);
                    return;
                }
                try (Statement statement = writing.createStatement()) {
                    statement.execute("COMMIT");
                    result.complete(outcome);
                } catch (SQLException | RuntimeException e) {
                    rollBackIfStillOpen();
                    fail(result, StoreFailure.Kind.OUTCOME_UNKNOWN, e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closed());
        }
        return result;
    }

    /** After a failed commit: SQLite may have left the transaction open, which must not swallow the next change. */
    private void rollBackIfStillOpen() {
        try (Statement statement = writing.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            log.debug("No transaction left to roll back on {}: {}", file, e.toString());
        }
    }

    private <T> CompletableFuture<T> run(ExecutorService thread, Work<T> work, StoreFailure.Kind kind) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(work.run());
                } catch (SQLException | RuntimeException e) {
                    fail(result, kind, e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closed());
        }
        return result;
    }

    private void fail(CompletableFuture<?> result, StoreFailure.Kind kind, Exception e) {
        log.error("SQLite {} (accounts, classes or messages): {}", file, e.toString());
        result.completeExceptionally(new StoreFailure(kind, "SQLite " + file + ": " + e, e));
    }

    private StoreFailure closed() {
        return new StoreFailure(StoreFailure.Kind.UNAVAILABLE, "store is closed: SQLite " + file);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Finishes the changes and reads asked for, then closes the connections. */
    @Override
    public void close() {
        for (ExecutorService thread : new ExecutorService[] {writer, reader}) {
            thread.shutdown();
            try {
                thread.awaitTermination(Connections.DIRECT_BUSY_TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Connection connection : new Connection[] {writing, reading}) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("Closing a direct connection to {}: {}", file, e.toString());
            }
        }
    }
}
