package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallStore;
import chamada.rollcall.TeacherName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RollCallStore} in one SQLite file and its journal: a write is acknowledged once
 * the journal writer has fsynced it ({@link JournalWriter}, one fsync per group), then
 * applied to SQLite by the applier thread ({@link SqliteApplier}); reads go to two reader
 * threads, each with its own connection, once SQLite holds every write acknowledged before
 * them.
 *
 * <p>Times are stored as epoch milliseconds (finer precision is dropped) and read back as
 * {@link OffsetDateTime} in the zone given at {@link #open}. Every method is thread-safe and
 * meant to be called from the connections' virtual threads: none of them runs JDBC on the
 * caller's thread, and none of the write methods waits. Futures complete on the store's
 * threads; attach dependent stages with an executor, or just wait on them, as
 * {@code RollCallService} does.
 */
public final class SqliteRollCallStore implements RollCallStore {

    /** Reader threads: reads are a teacher asking for history or an export, rarely more than two at once. */
    static final int READERS = 2;

    /** The longest a read waits for SQLite to hold the writes acknowledged before it. */
    static final Duration READ_WAIT = Duration.ofSeconds(30);

    private final Path file;
    private final DatabaseLock lock;
    private final JournalWriter writer;
    private final SqliteApplier applier;
    private final ReaderPool readers;
    private final RollCallReads reads;
    private final AtomicLong lastRollCallId;

    private SqliteRollCallStore(Path file, DatabaseLock lock, JournalWriter writer, SqliteApplier applier,
                                ReaderPool readers, RollCallReads reads, long lastRollCallId) {
        this.file = file;
        this.lock = lock;
        this.writer = writer;
        this.applier = applier;
        this.readers = readers;
        this.reads = reads;
        this.lastRollCallId = new AtomicLong(lastRollCallId);
    }

    /**
     * Opens (creating it and its directories if needed) the Chamada database {@code file},
     * bringing its schema up to date; times are read back in {@code zone}. Throws
     * {@link StoreUnavailableException} naming the file, with a {@link StoreProblem}, if it
     * cannot be created or opened, is not a Chamada database, is from a newer Chamada, or is
     * in use by another Chamada server.
     *
     * <p>The store holds an exclusive lock on {@code <file>.lock} until {@link #close()}
     * ({@link DatabaseLock}): roll-call ids come from an in-memory counter, so two servers
     * on one file would hand out the same ids.
     */
    public static SqliteRollCallStore open(Path file, ZoneId zone) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException(StoreProblem.CANNOT_CREATE, absolute, e);
        }
        DatabaseLock lock = DatabaseLock.acquire(absolute);
        RollCallReads reads = new RollCallReads(zone);
        JournalFiles journal = JournalFiles.of(absolute);
        SqliteApplier applier = null;
        try {
            applier = SqliteApplier.start(absolute, journal, reads);
            ReaderPool readers = ReaderPool.start(absolute, READERS);
            SqliteApplier.Recovered recovered = applier.recovered();
            JournalWriter writer = JournalWriter.start(journal, recovered.nextSegment(), recovered.index(),
                    applier::submit);
            return new SqliteRollCallStore(absolute, lock, writer, applier, readers, reads,
                    recovered.index().highestIdAtStart());
        } catch (RuntimeException e) {
            if (applier != null) {
                applier.shutdown();
                applier.awaitTermination();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Counts on from the highest id stored when the file was opened, without touching the
     * database. An id handed out but never opened (or whose open never became durable) may
     * be handed out again after a restart; nothing durable can refer to it.
     */
    @Override
    public long newRollCallId() {
        return lastRollCallId.incrementAndGet();
    }

    @Override
    public CompletableFuture<Void> open(long id, ClassId classId, TeacherName teacher, OffsetDateTime openedAt) {
        return writer.submit(new Write.Open(id, classId, teacher, millis(openedAt), new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Void> checkIn(long rollCallId, CheckIn checkIn) {
        return writer.submit(new Write.CheckIn(rollCallId, checkIn.matricula(), millis(checkIn.at()),
                new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Void> close(long rollCallId, OffsetDateTime closedAt) {
        return writer.submit(new Write.Close(rollCallId, millis(closedAt), new CompletableFuture<>()));
    }

    @Override
    public List<StoredRollCall> openRollCalls() {
        try {
            return read(reads::open).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Cannot read the open roll calls from " + describe() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public CompletableFuture<List<PastRollCall>> history(ClassId classId) {
        return read(connection -> reads.history(connection, classId));
    }

    @Override
    public CompletableFuture<List<RollCall>> closedRollCalls(ClassId classId) {
        return read(connection -> reads.closed(connection, classId));
    }

    /**
     * Runs {@code query} once SQLite holds every write acknowledged so far; fails after
     * {@link #READ_WAIT} if SQLite cannot take them (the reader then hears STORE_FAILED
     * rather than waiting for as long as a disk stays full).
     */
    private <T> CompletableFuture<T> read(ReaderPool.Query<T> query) {
        return applier.whenApplied(writer.durableWrites())
                .orTimeout(READ_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(applied -> readers.submit(query));
    }

    @Override
    public String describe() {
        return "SQLite " + file;
    }

    /** How many writes the journal has made durable, and in how many fsyncs. */
    public WriteStats writeStats() {
        return writer.stats();
    }

    /**
     * Refuses new writes at once, journals those already submitted, applies them all to
     * SQLite, deletes the journal's segments and checkpoints the WAL into the database file
     * (which alone then holds everything), ends the readers, and only then releases the lock
     * file, so the next server finds a database no one writes to. Idempotent; safe from any
     * thread.
     */
    @Override
    public void close() {
        writer.shutdown();
        writer.awaitTermination();
        applier.shutdown();
        applier.awaitTermination();
        readers.shutdown();
        readers.awaitTermination();
        lock.close();
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
