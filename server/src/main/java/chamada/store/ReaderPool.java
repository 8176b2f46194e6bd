package chamada.store;

import chamada.rollcall.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A few platform threads, each with its own read-only connection, that run the store's
 * queries and complete their futures.
 *
 * <p>SQLite calls are native: on a virtual thread they would pin its carrier for the whole
 * query, so queries never run on the callers' threads. Each thread opens, uses and closes
 * its own connection, so no connection is shared and none needs a lock or a ThreadLocal.
 * WAL lets these connections read while the writer commits.
 */
final class ReaderPool {

    private static final Logger log = LoggerFactory.getLogger(ReaderPool.class);

    /** A query run with a reader's connection. */
    @FunctionalInterface
    interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * A query and its future. A read changes nothing, so whatever fails, its caller is told the
     * store is unavailable; the log says why, here, since reads are rare (a teacher's history or
     * export) and a failed one is worth a line each: SQLite's words, or a bug's stack trace.
     */
    private record Task<T>(Query<T> query, CompletableFuture<T> result) {
        void run(Connection connection) {
            try {
                result.complete(query.run(connection));
            } catch (SQLException e) {
                log.error("Reading the database failed: {}", e.toString());
                result.completeExceptionally(new StoreFailure(StoreFailure.Kind.UNAVAILABLE, "reading failed: " + e, e));
            } catch (RuntimeException | Error e) {
                log.error("Reading the database failed", e);
                result.completeExceptionally(new StoreFailure(StoreFailure.Kind.UNAVAILABLE, "reading failed: " + e, e));
            }
        }
    }

    private final Path file;
    private final WorkQueue<Task<?>> tasks = new WorkQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    private ReaderPool(Path file) {
        this.file = file;
    }

    /**
     * Starts {@code size} reader threads and returns once each has opened its connection;
     * throws {@link StoreUnavailableException} naming the file if one cannot.
     */
    static ReaderPool start(Path file, int size) {
        ReaderPool pool = new ReaderPool(file);
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            opened.add(ready);
            pool.threads.add(Thread.ofPlatform().name("chamada-store-reader-" + i).daemon(false)
                    .start(() -> pool.run(ready)));
        }
        try {
            opened.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            pool.shutdown();
            pool.awaitTermination();
            throw e.getCause() instanceof SQLException sqlite ? StoreUnavailableException.opening(file, sqlite)
                    : new IllegalStateException("Cannot open " + file + " for reading: " + e.getCause(), e.getCause());
        }
        return pool;
    }

    /** Runs {@code query} on a reader thread; fails with {@link StoreFailure.Kind#UNAVAILABLE} after {@link #shutdown}. */
    <T> CompletableFuture<T> submit(Query<T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!tasks.offer(new Task<>(query, result))) {
            result.completeExceptionally(new StoreFailure(StoreFailure.Kind.UNAVAILABLE, "store is closed: SQLite " + file));
        }
        return result;
    }

    /** Refuses new queries; those already submitted still run. */
    void shutdown() {
        tasks.close();
    }

    /** Waits until every reader has run its last query and closed its connection. */
    void awaitTermination() {
        threads.forEach(Threads::joinUninterruptibly);
    }

    private void run(CompletableFuture<Void> ready) {
        try (Connection connection = Connections.reader(file)) {
            ready.complete(null);
            for (List<Task<?>> next = tasks.take(1); !next.isEmpty(); next = tasks.take(1)) {
                next.getFirst().run(connection);
            }
        } catch (SQLException | RuntimeException e) {
            if (!ready.completeExceptionally(e)) {
                log.error("Reader connection to {} failed", file, e);
            }
        }
    }
}
