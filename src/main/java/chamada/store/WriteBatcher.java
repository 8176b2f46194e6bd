package chamada.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The store's single writer: a platform thread that owns the read-write connection and
 * turns queued writes into group commits.
 *
 * <p>Design note. Callers submit a write while holding a roll call's lock, so submitting
 * only appends to an unbounded in-memory queue and never waits for the disk. The writer
 * waits for the first write, then takes every write queued at that moment, up to
 * {@link #MAX_BATCH}, and commits them in one transaction (see {@link GroupCommit}). While
 * it waits for that fsync, new writes pile up and form the next batch, so the busier the
 * server, the more writes share each fsync, with no timer and no added latency when idle.
 * A single writer also gives submission order for free: the queue is FIFO and batches run
 * one after another.
 *
 * <p>SQLite calls are native and would pin a virtual thread's carrier, so every JDBC call on
 * the writer connection, from the migrations at start-up to the close, happens on this
 * thread. It is not a daemon: {@link #shutdown} then {@link #awaitTermination} end it after
 * the last accepted write is durable.
 */
final class WriteBatcher {

    private static final Logger log = LoggerFactory.getLogger(WriteBatcher.class);

    /** The most writes one transaction holds; bounds the time until the first of them is acknowledged. */
    static final int MAX_BATCH = 1_000;

    private final Path file;
    private final WorkQueue<Write> queue = new WorkQueue<>();
    private final WriteCounters counters = new WriteCounters();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Thread thread;

    private WriteBatcher(Path file) {
        this.file = file;
        this.thread = Thread.ofPlatform().name("chamada-store-writer").daemon(false).unstarted(this::run);
    }

    /**
     * Starts the writer and returns once it has opened {@code file} and brought its schema up
     * to date; throws {@link StoreUnavailableException} naming the file if it cannot, or
     * {@link IllegalStateException} for anything but SQLite's or the migrations' refusals (a bug).
     */
    static WriteBatcher start(Path file) {
        WriteBatcher writer = new WriteBatcher(file);
        writer.thread.start();
        try {
            writer.ready.join();
        } catch (CompletionException e) {
            writer.shutdown();
            writer.awaitTermination();
            Throwable cause = e.getCause();
            if (cause instanceof StoreUnavailableException refused) {
                throw refused; // the migrations' refusal: already names the file and says why
            }
            if (cause instanceof SQLException sqlite) {
                throw StoreUnavailableException.opening(file, sqlite);
            }
            throw new IllegalStateException("Cannot open " + file + " as a Chamada database: " + cause, cause);
        }
        return writer;
    }

    /** Queues {@code write} without waiting and returns its future; fails it at once if the store is closed. */
    CompletableFuture<Void> submit(Write write) {
        if (!queue.offer(write)) {
            write.done().completeExceptionally(new IllegalStateException("store is closed: SQLite " + file));
        }
        return write.done();
    }

    /** Refuses new writes; those already submitted will still be committed. */
    void shutdown() {
        queue.close();
    }

    /** Waits until every accepted write is committed or failed and the connection is closed. */
    void awaitTermination() {
        Threads.joinUninterruptibly(thread);
    }

    /** The writer's totals so far. */
    WriteStats stats() {
        return counters.snapshot();
    }

    private void run() {
        try (Connection connection = Connections.writer(file)) {
            Migrations.bundled().apply(connection, file);
            try (GroupCommit groupCommit = new GroupCommit(connection, counters)) {
                ready.complete(null);
                for (List<Write> batch = queue.take(MAX_BATCH); !batch.isEmpty(); batch = queue.take(MAX_BATCH)) {
                    commit(groupCommit, batch);
                }
            }
        } catch (Throwable e) {
            if (!ready.completeExceptionally(e)) {
                log.error("Store writer for {} failed", file, e);
            }
        } finally {
            // Only reached early if the writer itself broke: fail what is left rather than strand it.
            queue.close();
            queue.take(Integer.MAX_VALUE).forEach(write -> write.done().completeExceptionally(
                    new IllegalStateException("store writer stopped: SQLite " + file)));
        }
    }

    private void commit(GroupCommit groupCommit, List<Write> batch) {
        try {
            groupCommit.commit(batch);
        } catch (Throwable e) {
            // GroupCommit handles SQL failures itself; this is the unexpected (an Error, a bug).
            log.error("Group commit of {} writes failed unexpectedly", batch.size(), e);
            batch.forEach(write -> write.done().completeExceptionally(e));
        }
    }
}
