package chamada.store;

import chamada.rollcall.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store's teachers' accounts and class assignments: written straight to SQLite,
 * not through the journal, on a connection and a thread of their own. They are an
 * administrator's rare writes, a few a day, where the journal exists for the check-ins' rate;
 * each is one {@code IMMEDIATE} transaction, fsynced at its commit ({@code synchronous=FULL}), so
 * it is as durable as a journaled write when its future completes. A teacher's request reads
 * their account here too, never behind a long export on the readers.
 */
final class SqliteAccounts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteAccounts.class);

    private final Path file;
    private final Connection connection;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("chamada-store-accounts").daemon(true).factory());

    private SqliteAccounts(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the accounts' connection to {@code file}, whose schema is already up to date. */
    static SqliteAccounts open(Path file) {
        try {
            return new SqliteAccounts(file, Connections.accounts(file));
        } catch (SQLException e) {
            throw StoreUnavailableException.opening(file, e);
        }
    }

    <T> CompletableFuture<T> read(ReaderPool.Query<T> query) {
        return run(() -> query.run(connection));
    }

    /** Runs {@code change} in one transaction, committed before the future completes. */
    <T> CompletableFuture<T> write(ReaderPool.Query<T> change) {
        return run(() -> {
            connection.setAutoCommit(false);
            try {
                T outcome = change.run(connection);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private <T> CompletableFuture<T> run(Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(work.run());
                } catch (SQLException | RuntimeException e) {
                    log.error("Teachers' accounts in {}: {}", file, e.toString());
                    result.completeExceptionally(new StoreFailure(StoreFailure.Kind.NOT_MADE,
                            "SQLite " + file + ": " + e, e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new StoreFailure(StoreFailure.Kind.UNAVAILABLE, "store is closed: SQLite " + file));
        }
        return result;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Finishes the changes asked for, then closes the connection. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(Connections.BUSY_TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing the accounts' connection to {}: {}", file, e.toString());
        }
    }
}
