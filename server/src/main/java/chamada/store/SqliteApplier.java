package chamada.store;

import chamada.rollcall.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The platform thread that owns the read-write SQLite connection: at start it brings the
 * schema up to date and replays the journal; then it applies each journaled batch, several
 * at a time, in one transaction.
 *
 * <p>Design note. Reads are served from SQLite, so a read must wait until every write
 * acknowledged before it is applied ({@link #whenApplied}); they are a teacher's history or
 * export, rare, and the applier is rarely more than one batch behind. A batch SQLite cannot
 * take now (a full disk, a lock held by another program) is tried again every second and
 * stays in the journal meanwhile. A write SQLite refuses was already acknowledged, so it is
 * never left out: the applier stops applying there, says so once, loudly, and keeps every
 * segment from that one on; the store reports itself unhealthy and the journal writer goes on
 * acknowledging. The next start-up replays up to that write and stops, naming it.
 * Once a segment is wholly applied it is deleted, so after a clean stop the journal folder
 * is empty and the database file holds everything.
 *
 * <p>SQLite calls are native and would pin a virtual thread's carrier, so every JDBC call on
 * this connection, from the migrations to the close, happens on this thread.
 */
final class SqliteApplier {

    private static final Logger log = LoggerFactory.getLogger(SqliteApplier.class);

    /** Writes per transaction when replaying the journal at start. */
    static final int REPLAY_BATCH = 10_000;

    /** Journal batches merged into one transaction at most: a lagging applier catches up in large steps. */
    static final int MAX_MERGED_BATCHES = 1_000;

    /**
     * How long the applier gathers journaled writes before a transaction, unless a read
     * needs them. An SQLite commit costs about as much CPU as hundreds of rows, so committing
     * every journal batch made the applier a large part of the server's work; and each commit's
     * fsync slows the journal's fsyncs running beside it on the same disk, so gathering longer
     * lowered the check-ins' p99, at the price of a rarer, longer stall (BENCHMARKS.md, "Fixes
     * made").
     */
    static final long GATHER_NANOS = 1_000_000_000;

    private static final long RETRY_PAUSE_MILLIS = 1_000;

    /** The schema from which writers run with {@code secure_delete}: a file from before has old rows in its free space. */
    private static final int FIRST_SECURE_DELETE_VERSION = 10;

    /** How often a forget tries at once to empty the WAL, each try waiting out the busy timeout at most. */
    private static final int WAL_ATTEMPTS = 3;

    /**
     * What start-up found: where the journal goes on, the state its writer decides commands
     * against, and the key that signs session tokens.
     */
    record Recovered(long nextSegment, OpenRollCalls rules, byte[] sessionKey) {
    }

    private record Waiter(long applied, CompletableFuture<Void> done) {
    }

    private final Path file;
    private final JournalFiles journal;
    private final RollCallReads reads;
    private final WorkQueue<JournalBatch> queue = new WorkQueue<>();
    private final CompletableFuture<Recovered> ready = new CompletableFuture<>();
    private final Thread thread;
    private final ReentrantLock progress = new ReentrantLock();
    private final Condition stopping = progress.newCondition();
    private final List<Waiter> waiters = new ArrayList<>();
    private final ApplyFailures failures;
    private long applied;
    /** The segment the last applied batch ended in; those below it are deleted. */
    private long lastAppliedSegment;
    private boolean stopped;
    private boolean shutdown;
    /** The journaled write SQLite refused; from then on nothing more is applied. Read by any thread. */
    private volatile Optional<String> refused = Optional.empty();
    /** Why the applier thread ended before its shutdown, if it did (a bug). Read by any thread. */
    private volatile Optional<Throwable> crashed = Optional.empty();
    /** SQLite's refusal of the batch being retried now (a full disk, a lock); empty while applying works. */
    private volatile Optional<SQLException> retrying = Optional.empty();
    /** Whether the WAL may still hold a forgotten student's pages: emptied again after each batch until it is. */
    private boolean walHoldsForgotten;
    /** Whether a batch offered to a stopped applier was said in the log; the journal writer's thread only. */
    private boolean saidStopped;

    private SqliteApplier(Path file, JournalFiles journal, RollCallReads reads) {
        this.file = file;
        this.journal = journal;
        this.reads = reads;
        this.failures = new ApplyFailures(file, RETRY_PAUSE_MILLIS);
        this.thread = Thread.ofPlatform().name("chamada-store-applier").daemon(false).unstarted(this::run);
    }

    /**
     * Starts the applier and returns once it has opened {@code file}, brought its schema up to
     * date and replayed {@code journal} into it; throws {@link StoreUnavailableException}
     * naming the file if it cannot.
     */
    static SqliteApplier start(Path file, JournalFiles journal, RollCallReads reads) {
        SqliteApplier applier = new SqliteApplier(file, journal, reads);
        applier.thread.start();
        try {
            applier.ready.join();
        } catch (CompletionException e) {
            applier.shutdown();
            applier.awaitTermination();
            Throwable cause = e.getCause();
            if (cause instanceof StoreUnavailableException refused) {
                throw refused; // already names the file and says why
            }
            if (cause instanceof SQLException sqlite) {
                throw StoreUnavailableException.opening(file, sqlite);
            }
            if (cause instanceof IOException io) {
                throw new StoreUnavailableException(StoreProblem.JOURNAL_UNUSABLE, file, io, journal.folder());
            }
            throw new IllegalStateException("Cannot open " + file + " as a Chamada database: " + cause, cause);
        }
        return applier;
    }

    Recovered recovered() {
        return ready.join();
    }

    /** Queues a durable batch to be applied. */
    void submit(JournalBatch batch) {
        if (!queue.offer(batch) && !saidStopped) {
            // The journal writer stops first; if this happens anyway, the journal still has the batch. Once.
            saidStopped = true;
            log.error("SQLite applier for {} is stopped; journaled writes will be applied at the next start", file);
        }
    }

    /** Completes once the first {@code count} journaled writes are in SQLite, or fails if the applier stops first. */
    CompletableFuture<Void> whenApplied(long count) {
        progress.lock();
        try {
            if (applied >= count) {
                return CompletableFuture.completedFuture(null);
            }
            if (stopped) {
                return CompletableFuture.failedFuture(closed());
            }
            if (refused.isPresent()) {
                return CompletableFuture.failedFuture(new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                        "SQLite " + file + " takes no more writes: it refused " + refused.get()));
            }
            Waiter waiter = new Waiter(count, new CompletableFuture<>());
            waiters.add(waiter);
            queue.nudge(); // a read is waiting: stop gathering
            return waiter.done();
        } finally {
            progress.unlock();
        }
    }

    /** How many journaled writes are in SQLite since the store opened; {@link JournalWriter#durableWrites} counts the same way. */
    long appliedWrites() {
        progress.lock();
        try {
            return applied;
        } finally {
            progress.unlock();
        }
    }

    /** The journaled write SQLite refused, if it did: the applier then applies nothing more. */
    Optional<String> refused() {
        return refused;
    }

    /** Why the applier stopped before it was shut down, if it did: nothing more is applied until a restart. */
    Optional<Throwable> crashed() {
        return crashed;
    }

    /** Why SQLite cannot take the journaled writes now, while the applier tries again every second. */
    Optional<SQLException> retrying() {
        return retrying;
    }

    /** Refuses new batches; those already queued are still applied, unless SQLite is refusing them. */
    void shutdown() {
        queue.close();
        progress.lock();
        try {
            shutdown = true;
            stopping.signalAll();
        } finally {
            progress.unlock();
        }
    }

    void awaitTermination() {
        Threads.joinUninterruptibly(thread);
    }

    private void run() {
        try (Connection connection = Connections.writer(file)) {
            int before = FileVersion.of(connection, file).version();
            Migrations.bundled().apply(connection, file);
            if (before == 0) {
                log.info("{}: a new store, at schema version {}", file, SchemaVersion.latest());
            } else if (before != SchemaVersion.latest()) {
                log.info("{}: schema version {} brought up to {}", file, before, SchemaVersion.latest());
            }
            if (before > 0 && before < FIRST_SECURE_DELETE_VERSION) {
                vacuum(connection);
            }
            try (SqliteBatch batch = new SqliteBatch(connection)) {
                long nextSegment = replay(batch);
                // Recorded before the replayed segments go: the journal now goes on in nextSegment, and a
                // crash before its first record must not leave a start-up looking for the deleted ones.
                batch.apply(List.of(), new JournalPosition(nextSegment, 0));
                journal.deleteBelow(nextSegment);
                // A forget replayed here must leave no page of its student's in the WAL either.
                batch.checkpoint();
                lastAppliedSegment = nextSegment - 1;
                OpenRollCalls rules = new OpenRollCalls(reads.open(connection), reads.maxRollCallId(connection),
                        reads.rosters(connection), reads.known(connection), reads.maxAuditId(connection));
                byte[] sessionKey = reads.sessionKey(connection);
                connection.commit(); // ends the read transaction, so checkpoints are not held back
                ready.complete(new Recovered(nextSegment, rules, sessionKey));
                for (List<JournalBatch> taken = queue.take(MAX_MERGED_BATCHES); !taken.isEmpty();
                     taken = queue.take(MAX_MERGED_BATCHES)) {
                    if (refused.isPresent()) {
                        continue; // journaled, and kept there: applied after a person has looked
                    }
                    if (!applyUntilDone(batch, gather(taken))) {
                        return;
                    }
                }
                if (refused.isPresent()) {
                    return; // the journal keeps the refused write and all after it for the next start
                }
                // Closed and drained: the journal writer has stopped, and SQLite holds every record. The
                // checkpoint moves them from the WAL into the database file, which alone is then complete.
                deleteSegmentsBelow(lastAppliedSegment + 1);
                batch.checkpoint();
            }
        } catch (Throwable e) {
            if (!ready.completeExceptionally(e)) {
                crashed = Optional.of(e);
                log.error("SQLite applier for {} failed; the journal keeps what it had not applied", file, e);
            }
        } finally {
            queue.close();
            retrying = Optional.empty(); // stopped: whatever SQLite said last no longer describes the store
            progress.lock();
            try {
                stopped = true;
                waiters.forEach(waiter -> waiter.done().completeExceptionally(closed()));
                waiters.clear();
            } finally {
                progress.unlock();
            }
        }
    }

    private StoreFailure closed() {
        return new StoreFailure(StoreFailure.Kind.UNAVAILABLE, "store is closed: SQLite " + file);
    }

    /**
     * {@code first} and what else arrives within {@link #GATHER_NANOS}, or until a read
     * waits. The applier sleeps meanwhile: woken by every batch, it spent more on waking up
     * than on applying.
     */
    private List<JournalBatch> gather(List<JournalBatch> first) {
        List<JournalBatch> gathered = new ArrayList<>(first);
        if (gathered.size() < MAX_MERGED_BATCHES && !readWaiting()) {
            gathered.addAll(queue.takeAfter(MAX_MERGED_BATCHES - first.size(), GATHER_NANOS));
        }
        return gathered;
    }

    private boolean readWaiting() {
        progress.lock();
        try {
            return !waiters.isEmpty();
        } finally {
            progress.unlock();
        }
    }

    /**
     * Applies {@code batches}, trying again while SQLite cannot take them; false if shut down
     * first. A refused write stops the applying for good, and fails the reads waiting.
     */
    private boolean applyUntilDone(SqliteBatch batch, List<JournalBatch> batches) {
        List<Write> writes = new ArrayList<>();
        batches.forEach(journaled -> writes.addAll(journaled.writes()));
        JournalPosition end = batches.getLast().end();
        while (true) {
            try {
                batch.apply(writes, end);
                failures.succeeded();
                retrying = Optional.empty();
                break;
            } catch (SQLException e) {
                failures.failed(e, writes.size());
                retrying = Optional.of(e);
                if (!pauseBeforeRetry()) {
                    return false;
                }
            } catch (RefusedWriteException e) {
                halt(e);
                return true;
            }
        }
        Optional<Long> forgotIn = batches.stream().filter(journaled -> journaled.writes().stream()
                .anyMatch(Write.Forget.class::isInstance)).map(journaled -> journaled.end().segment()).max(Long::compare);
        if (forgotIn.isPresent()) {
            // The writer closed that segment after the forget: it and those before it go now, and so does
            // the WAL, where the pages SQLite changed still held the matrícula. Only then is the forget answered.
            deleteSegmentsBelow(Math.max(end.segment(), forgotIn.get() + 1));
            lastAppliedSegment = Math.max(end.segment(), forgotIn.get());
            walHoldsForgotten = true;
        } else if (end.segment() > lastAppliedSegment) {
            deleteSegmentsBelow(end.segment());
            lastAppliedSegment = end.segment();
        }
        if (walHoldsForgotten) {
            walHoldsForgotten = !emptyTheWal(batch, forgotIn.isPresent() ? WAL_ATTEMPTS : 1);
        }
        advance(writes.size());
        return true;
    }

    private void halt(RefusedWriteException e) {
        log.error("SQLITE REFUSED AN ACKNOWLEDGED WRITE: {} refused \"{}\", which the journal writer had accepted."
                + " It is kept in the journal {}, with every write after it, and nothing more is applied;"
                + " writes are still acknowledged into the journal, history and export fail, and the next"
                + " start-up stops at this write. Keep a copy of the database and the journal folder, and"
                + " report this bug.", file, e.write(), journal.folder(), e);
        List<Waiter> failed;
        progress.lock();
        try {
            refused = Optional.of(e.write());
            failed = new ArrayList<>(waiters);
            waiters.clear();
        } finally {
            progress.unlock();
        }
        StoreFailure unavailable = new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                "SQLite " + file + " takes no more writes: it refused " + e.write(), e);
        failed.forEach(waiter -> waiter.done().completeExceptionally(unavailable));
    }

    /**
     * Checkpoints the WAL into the database file and truncates it, up to {@code attempts} times
     * while a reader holds it back; true once done. Until then, each batch applied after tries
     * once more (a forget is answered meanwhile: the log says the WAL still holds its pages).
     */
    private boolean emptyTheWal(SqliteBatch batch, int attempts) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                if (batch.checkpoint()) {
                    return true;
                }
            } catch (SQLException e) {
                log.warn("Emptying the WAL of {} after a forget failed: {}", file, e.toString());
                return false;
            }
        }
        log.warn("The WAL of {} still holds a forgotten student's pages: a reader holds it back; tried again after"
                + " each batch", file);
        return false;
    }

    /**
     * Rewrites the database file once, on the upgrade to the schema that turns {@code
     * secure_delete} on: what earlier versions deleted (a roster replaced, a check-in replaced) is
     * still in its free pages, and a forget must not leave the student there.
     */
    private void vacuum(Connection connection) throws SQLException {
        log.info("Rewriting {} once, so that what earlier versions deleted is not left in its free space", file);
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA secure_delete = ON");
            statement.execute("VACUUM");
        }
    }

    /** Deletes applied segments; one that cannot be deleted now is only in the way, and goes at the next start. */
    private void deleteSegmentsBelow(long segment) {
        try {
            journal.deleteBelow(segment);
        } catch (IOException e) {
            log.warn("Could not delete applied journal segments below {} in {}: {}", segment, journal.folder(),
                    e.toString());
        }
    }

    private boolean pauseBeforeRetry() {
        progress.lock();
        try {
            if (!shutdown) {
                stopping.await(RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
            }
            return !shutdown;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            progress.unlock();
        }
    }

    private void advance(int count) {
        List<Waiter> done = new ArrayList<>();
        progress.lock();
        try {
            applied += count;
            waiters.removeIf(waiter -> waiter.applied() <= applied && done.add(waiter));
        } finally {
            progress.unlock();
        }
        done.forEach(waiter -> waiter.done().complete(null));
    }

    /**
     * Applies every journal record SQLite does not hold yet, in order, and returns the number
     * of the segment the journal goes on in. A record that does not read whole can only be
     * the end of a write cut short, never acknowledged, and only in the last segment;
     * anywhere else the journal is damaged and start-up stops, changing nothing more. So it
     * does at a segment whose {@link JournalHeader} names a newer format, and at a whole record
     * this build cannot read.
     */
    private long replay(SqliteBatch batch) throws SQLException, IOException {
        try {
            return replayOrRefuse(batch);
        } catch (RefusedWriteException e) {
            throw new StoreUnavailableException(StoreProblem.JOURNAL_REFUSED, file, e, e.write(), journal.folder());
        }
    }

    private long replayOrRefuse(SqliteBatch batch) throws SQLException, IOException, RefusedWriteException {
        JournalPosition from = batch.applied();
        List<Long> segments = journal.segments().stream().filter(segment -> segment >= from.segment()).toList();
        requireConsecutive(segments, from);
        long replayed = 0;
        for (long segment : segments) {
            Path path = journal.segment(segment);
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path));
            int start = JournalHeader.recordsStart(bytes, file, path);
            // Offsets count the header; (n, 0), recorded before segment n exists (run), is its first record.
            long resume = segment == from.segment() ? Math.max(start, from.offset()) : start;
            bytes.position((int) Math.min(resume, bytes.limit()));
            List<Write> writes = new ArrayList<>();
            for (Optional<Write> write = next(bytes, path); write.isPresent(); write = next(bytes, path)) {
                writes.add(write.get());
                if (writes.size() == REPLAY_BATCH) {
                    batch.apply(writes, new JournalPosition(segment, bytes.position()));
                    replayed += writes.size();
                    writes.clear();
                }
            }
            if (!writes.isEmpty()) {
                batch.apply(writes, new JournalPosition(segment, bytes.position()));
                replayed += writes.size();
            }
            int unread = bytesBeforeTrailingZeros(bytes);
            if (unread > 0) {
                // A crash can cut short only the batch being written, so more than one batch's worth of
                // bytes after the last whole record is damage, not a torn write.
                if (segment != segments.getLast() || unread > JournalWriter.MAX_TORN_BYTES) {
                    throw new StoreUnavailableException(StoreProblem.JOURNAL_DAMAGED, file, null, path, bytes.position());
                }
                log.warn("Left out the last {} bytes of the journal segment {}: a write cut short by a crash,"
                        + " never acknowledged", unread, path);
            }
        }
        if (replayed > 0) {
            log.info("Replayed {} journaled writes into {}", replayed, file);
        }
        long last = segments.isEmpty() ? from.segment() : Math.max(segments.getLast(), from.segment());
        return last + 1;
    }

    /**
     * The record at {@code bytes}' position in the segment {@code path}, or empty where the
     * segment's records end. A whole record this build cannot read stops the start-up: read as
     * the end, it and every record after it would be dropped without a word.
     */
    private Optional<Write> next(ByteBuffer bytes, Path path) {
        try {
            return JournalCodec.decode(bytes);
        } catch (UnknownRecordException e) {
            throw new StoreUnavailableException(StoreProblem.JOURNAL_UNKNOWN_RECORD, file, e, path, bytes.position(),
                    e.kind());
        }
    }

    /** How many of the bytes left in {@code bytes} come before the zeros that end it (the preallocated space). */
    private static int bytesBeforeTrailingZeros(ByteBuffer bytes) {
        int end = bytes.limit();
        while (end > bytes.position() && bytes.get(end - 1) == 0) {
            end--;
        }
        return end - bytes.position();
    }

    /**
     * Segments are made one after another and deleted from the oldest up, so those still to
     * replay follow the one SQLite is in (or its successor) without a gap; a gap is a lost
     * file, whose records would be skipped without a word.
     */
    private void requireConsecutive(List<Long> segments, JournalPosition from) {
        long expected = segments.isEmpty() || segments.getFirst() == from.segment() ? from.segment() : from.segment() + 1;
        for (long segment : segments) {
            if (segment != expected) {
                throw new StoreUnavailableException(StoreProblem.JOURNAL_INCOMPLETE, file, null,
                        journal.segment(expected));
            }
            expected++;
        }
    }
}
