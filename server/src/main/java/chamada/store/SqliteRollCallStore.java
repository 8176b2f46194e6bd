package chamada.store;

import chamada.attendance.AuditEntry;
import chamada.attendance.Mark;
import chamada.attendance.MarkResult;
import chamada.materials.Material;
import chamada.materials.MaterialName;
import chamada.materials.PublishResult;
import chamada.messages.ClassMessage;
import chamada.messages.PostResult;
import chamada.messages.Posting;
import chamada.messages.ShowResult;
import chamada.privacy.Forget;
import chamada.privacy.ForgetResult;
import chamada.privacy.StudentRecords;
import chamada.rollcall.Assignment;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.EventHub;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.OpenResult;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvents;
import chamada.rollcall.RollCallStore;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.StoreHealth;
import chamada.rollcall.TeacherName;
import chamada.roster.Roster;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;
import chamada.teachers.Account;
import chamada.teachers.AccountChange;
import chamada.teachers.AccountEdit;
import chamada.teachers.FileTeacher;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RollCallStore} in one SQLite file and its journal, for one machine. Every write and
 * the open-roll-call read are decided, in one order, by the journal writer's thread
 * ({@link JournalWriter} with {@link OpenRollCalls}); a write is acknowledged once fsynced in
 * the journal (one fsync per group), then applied to SQLite by the applier thread
 * ({@link SqliteApplier}); history and export go to two reader threads, each with its own
 * connection, once SQLite holds every write acknowledged before them.
 *
 * <p>Times are stored as epoch milliseconds (finer precision is dropped) and read back as
 * {@link OffsetDateTime} in the zone given at {@link #open}. Every method is thread-safe and
 * meant to be called from the connections' virtual threads: none of them runs JDBC on the
 * caller's thread, and none of the write methods waits. Futures complete on the store's
 * threads, writes' on the journal writer's: a stage attached without an executor runs there,
 * and must not block (see {@link JournalWriter}).
 */
public final class SqliteRollCallStore implements ChamadaStore {

    /** Reader threads: reads are a teacher asking for history or an export, rarely more than two at once. */
    static final int READERS = 2;

    /** The longest a read waits for SQLite to hold the writes acknowledged before it. */
    static final Duration READ_WAIT = Duration.ofSeconds(30);

    private final Path file;
    private final DatabaseLock lock;
    private final EventHub events;
    private final JournalWriter writer;
    private final SqliteApplier applier;
    private final ReaderPool readers;
    private final RollCallReads reads;
    private final Path journalFolder;
    private final SqliteDirect accounts;
    private final AccountRules accountRules = new AccountRules(Optional.empty());
    private final ClassDefaultRules classDefaults = new ClassDefaultRules();
    private final MessageRules messages;
    private final MaterialRules materials;
    private final StoreMeters meters;

    private SqliteRollCallStore(Path file, DatabaseLock lock, JournalWriter writer, SqliteApplier applier,
                                ReaderPool readers, RollCallReads reads, Path journalFolder, EventHub events,
                                SqliteDirect accounts, StoreMeters meters) {
        this.accounts = accounts;
        this.meters = meters;
        this.messages = new MessageRules(reads.zone());
        this.materials = new MaterialRules(reads.zone());
        this.file = file;
        this.events = events;
        this.journalFolder = journalFolder;
        this.lock = lock;
        this.writer = writer;
        this.applier = applier;
        this.readers = readers;
        this.reads = reads;
    }

    /**
     * Opens (creating it and its directories if needed) the Chamada database {@code file},
     * bringing its schema up to date; times are read back in {@code zone}. Throws
     * {@link StoreUnavailableException} naming the file, with a {@link StoreProblem}, if it
     * cannot be created or opened, is not a Chamada database, is from a newer Chamada, or is
     * in use by another Chamada server.
     *
     * <p>The store holds an exclusive lock on {@code <file>.lock} until {@link #close()}
     * ({@link DatabaseLock}): its journal writer decides every write from what it holds in
     * memory ({@link OpenRollCalls}), so a second server on the same file would decide
     * against a state that is not the file's.
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
            EventHub events = new EventHub();
            SqliteDirect accounts = SqliteDirect.open(absolute);
            StoreMeters meters = new StoreMeters("journal");
            JournalWriter writer;
            try {
                writer = JournalWriter.start(journal, recovered.nextSegment(), recovered.rules(), applier::submit,
                        events, meters);
            } catch (RuntimeException e) {
                accounts.close();
                throw e;
            }
            return new SqliteRollCallStore(absolute, lock, writer, applier, readers, reads, journal.folder(), events,
                    accounts, meters);
        } catch (RuntimeException e) {
            if (applier != null) {
                applier.shutdown();
                applier.awaitTermination();
            }
            lock.close();
            throw e;
        }
    }

    @Override
    public CompletableFuture<OpenResult> open(ClassId classId, TeacherName teacher, CheckInRules rules,
                                              OffsetDateTime at) {
        return writer.submit(new Command.Open(classId, teacher, rules, at, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<CheckInResult> checkIn(CheckInAttempt attempt) {
        return writer.submit(new Command.CheckIn(attempt, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<CloseResult> close(ClassId classId, TeacherName teacher, OffsetDateTime at,
                                                boolean closesAny) {
        return writer.submit(new Command.Close(classId, teacher, at, closesAny, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Optional<Account>> account(TeacherName name) {
        return accounts.read(connection -> accountRules.account(connection, name));
    }

    @Override
    public CompletableFuture<List<Account>> accounts() {
        return accounts.read(accountRules::accounts);
    }

    @Override
    public CompletableFuture<AccountChange> changeAccount(AccountEdit edit) {
        return accounts.write(connection -> accountRules.change(connection, edit));
    }

    @Override
    public CompletableFuture<Integer> importTeachers(List<FileTeacher> teachers) {
        return accounts.write(connection -> accountRules.importTeachers(connection, teachers));
    }

    @Override
    public CompletableFuture<StudentRecords> studentRecords(Matricula matricula) {
        return read(connection -> reads.studentRecords(connection, matricula));
    }

    /**
     * The writer decides the forget (refused while the student is in an open roll call) and
     * journals it; the future completes once the applier has applied it, deleted the journal
     * segments that held the matrícula and emptied the WAL.
     */
    @Override
    public CompletableFuture<ForgetResult> forget(Forget forget) {
        return writer.submit(new Command.Forget(forget, new CompletableFuture<>())).thenCompose(result ->
                result instanceof ForgetResult.Forgotten
                        ? applier.whenApplied(writer.durableWrites()).thenApply(applied -> result)
                        : CompletableFuture.completedFuture(result));
    }

    @Override
    public CompletableFuture<Optional<Duration>> lateAfterOf(ClassId classId) {
        return accounts.read(connection -> classDefaults.lateAfterOf(connection, classId));
    }

    @Override
    public CompletableFuture<Optional<Duration>> setLateAfter(ClassId classId, Optional<Duration> lateAfter) {
        return accounts.write(connection -> classDefaults.setLateAfter(connection, classId, lateAfter));
    }

    /**
     * Stored straight to SQLite ({@link SqliteDirect}) once SQLite holds every roster change
     * acknowledged before it, so that the roster it is checked against is the one the teacher
     * was told is in place; the class's views hear of it once committed.
     */
    @Override
    public CompletableFuture<PostResult> post(Posting posting) {
        return applier.whenApplied(writer.durableWrites())
                .thenCompose(applied -> accounts.write(connection -> messages.post(connection, posting)))
                .thenApply(result -> {
                    if (result instanceof PostResult.Posted posted) {
                        events.publish(posted.message().event());
                    }
                    return result;
                });
    }

    @Override
    public CompletableFuture<List<ClassMessage>> inbox(ClassId classId, boolean unreadOnly, int limit) {
        return accounts.read(connection -> messages.inbox(connection, classId, unreadOnly, limit));
    }

    @Override
    public CompletableFuture<Integer> markRead(ClassId classId, List<Long> ids, OffsetDateTime at) {
        return accounts.write(connection -> messages.markRead(connection, classId, ids, at.toInstant().toEpochMilli()));
    }

    @Override
    public CompletableFuture<Boolean> anonymousAllowed(ClassId classId) {
        return accounts.read(connection -> messages.anonymousAllowed(connection, classId));
    }

    @Override
    public CompletableFuture<Boolean> allowAnonymous(ClassId classId, boolean allowed) {
        return accounts.write(connection -> messages.allowAnonymous(connection, classId, allowed));
    }

    @Override
    public CompletableFuture<ShowResult> show(ClassId classId, Optional<Long> id, OffsetDateTime at) {
        // After the journal's writes, as a post: a message a purge acknowledged before is gone.
        return applier.whenApplied(writer.durableWrites())
                .thenCompose(applied -> accounts.write(connection -> messages.show(connection, classId, id, at)))
                .thenApply(result -> {
                    if (result instanceof ShowResult.Shown shown) {
                        events.publish(shown.event());
                    }
                    return result;
                });
    }

    @Override
    public CompletableFuture<Optional<ClassMessage>> shown(ClassId classId) {
        return applier.whenApplied(writer.durableWrites())
                .thenCompose(applied -> accounts.read(connection -> messages.shown(connection, classId)));
    }

    @Override
    public CompletableFuture<List<Material>> materials(ClassId classId) {
        return accounts.read(connection -> materials.materials(connection, classId));
    }

    /** Straight to SQLite ({@link SqliteDirect}): its one write transaction at a time is the class's turn. */
    @Override
    public CompletableFuture<PublishResult> publish(Material material, long classLimit) {
        return accounts.write(connection -> materials.publish(connection, material, classLimit));
    }

    @Override
    public CompletableFuture<Optional<Material>> remove(ClassId classId, MaterialName name) {
        return accounts.write(connection -> materials.remove(connection, classId, name));
    }

    @Override
    public CompletableFuture<Set<TeacherName>> teachersOf(ClassId classId) {
        return accounts.read(connection -> accountRules.teachersOf(connection, classId));
    }

    @Override
    public CompletableFuture<Assignment> assign(ClassId classId, List<TeacherName> teachers) {
        return accounts.write(connection -> accountRules.assign(connection, classId, teachers));
    }

    @Override
    public CompletableFuture<Map<ClassId, List<TeacherName>>> assignments() {
        return accounts.read(accountRules::assignments);
    }

    @Override
    public CompletableFuture<Integer> deleteClosedBefore(OffsetDateTime cutoff) {
        return writer.submit(new Command.Purge(cutoff, new CompletableFuture<>()));
    }

    @Override
    public RollCallEvents events() {
        return events;
    }

    @Override
    public CompletableFuture<List<RollCall>> openRollCalls() {
        return writer.submit(new Command.OpenList(new CompletableFuture<>()));
    }

    /** Read from the writer's decisions without queueing behind the check-ins. */
    @Override
    public CompletableFuture<Integer> openRollCallCount() {
        return CompletableFuture.completedFuture(writer.openRollCallCount());
    }

    @Override
    public CompletableFuture<List<ClassId>> openedBefore(OffsetDateTime cutoff) {
        return writer.submit(new Command.OpenedBefore(cutoff, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Optional<RollCall>> openRollCall(ClassId classId) {
        return writer.submit(new Command.Status(classId, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<List<PastRollCall>> history(ClassId classId) {
        return read(connection -> reads.history(connection, classId));
    }

    @Override
    public CompletableFuture<List<NumberedRollCall>> numberedClosedRollCalls(ClassId classId) {
        return read(connection -> reads.closed(connection, classId));
    }

    @Override
    public CompletableFuture<RosterChange> replaceRoster(ClassId classId, List<RosterEntry> students) {
        return Roster.refusal(students).<CompletableFuture<RosterChange>>map(CompletableFuture::failedFuture).orElseGet(
                () -> writer.submit(new Command.ReplaceRoster(classId, students, new CompletableFuture<>())));
    }

    /**
     * The writer decides the correction and numbers its audit record; the status before is what
     * the applier found when it wrote that record, read back once applied. The correction is
     * durable before the read: if the read fails, the reply says so without the status before.
     */
    @Override
    public CompletableFuture<MarkResult> mark(Mark mark) {
        return writer.submit(new Command.Mark(mark, new CompletableFuture<>())).thenCompose(result -> {
            if (!(result instanceof MarkResult.Marked marked)) {
                return CompletableFuture.completedFuture(result);
            }
            return read(connection -> reads.auditEntry(connection, marked.auditId()))
                    .<MarkResult>thenApply(entry -> new MarkResult.Marked(marked.classId(), marked.rollCallId(),
                            entry.from(), marked.to(), marked.at(), marked.auditId()))
                    .exceptionally(failure -> marked);
        });
    }

    @Override
    public CompletableFuture<List<AuditEntry>> audit(ClassId classId) {
        return read(connection -> reads.audit(connection, classId));
    }

    @Override
    public CompletableFuture<RosterNames> names(ClassId classId) {
        return writer.submit(new Command.NamesOf(classId, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<Roster> roster(ClassId classId) {
        return read(connection -> reads.roster(connection, classId));
    }

    /**
     * Runs {@code query} once SQLite holds every write acknowledged so far; fails with
     * {@link StoreFailure.Kind#TIMED_OUT} after {@link #READ_WAIT} if SQLite cannot take them,
     * rather than waiting for as long as a disk stays full.
     */
    private <T> CompletableFuture<T> read(ReaderPool.Query<T> query) {
        return applier.whenApplied(writer.durableWrites())
                .thenApply(applied -> true)
                .completeOnTimeout(false, READ_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(applied -> applied ? readers.submit(query) : CompletableFuture.failedFuture(
                        new StoreFailure(StoreFailure.Kind.TIMED_OUT, "SQLite " + file
                                + " did not take the journaled writes within " + READ_WAIT.toSeconds() + " s")));
    }

    /**
     * Unhealthy once the journal writer has broken, while SQLite refuses a journaled write or
     * cannot take the journal's writes, once the applier has stopped, or while the test-only
     * switch skips the journal's fsyncs ({@link UnsafeSkipFsync}): acknowledged writes are then
     * not kept through a power cut, and a monitor should say so for as long as it is on, not
     * only the one line at start-up. Each reason says what a person should do. The worst comes
     * first: what stops writes, then what stops reads, then what a power cut would lose.
     */
    @Override
    public StoreHealth health() {
        Optional<Throwable> broken = writer.broken();
        if (broken.isPresent()) {
            return new StoreHealth.Unhealthy(StoreProblem.JOURNAL_BROKEN, List.of(file, journalFolder, broken.get()));
        }
        Optional<String> refused = applier.refused();
        if (refused.isPresent()) {
            return new StoreHealth.Unhealthy(StoreProblem.APPLY_REFUSED, List.of(file, refused.get(), journalFolder));
        }
        Optional<Throwable> crashed = applier.crashed();
        if (crashed.isPresent()) {
            return new StoreHealth.Unhealthy(StoreProblem.APPLY_STOPPED, List.of(file, crashed.get(), journalFolder));
        }
        return applier.retrying()
                .<StoreHealth>map(cause -> new StoreHealth.Unhealthy(StoreProblem.APPLY_RETRYING,
                        List.of(file, Objects.toString(cause.getMessage(), cause.toString()), journalFolder)))
                .orElseGet(() -> UnsafeSkipFsync.ON
                        ? new StoreHealth.Unhealthy(StoreProblem.JOURNAL_NOT_FSYNCED, List.of(file, journalFolder,
                                UnsafeSkipFsync.PROPERTY + "=" + UnsafeSkipFsync.CONSENT))
                        : new StoreHealth.Healthy());
    }

    /**
     * {@code VACUUM INTO} on a reader's connection once SQLite holds every write acknowledged so far:
     * one read transaction, so one moment, and a copy without free pages, so nothing a forget or a
     * purge deleted is left in it.
     */
    @Override
    public CompletableFuture<Void> copyDatabaseTo(Path copy) {
        return read(connection -> {
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, copy.toAbsolutePath().toString());
                vacuum.execute();
            }
            return null;
        });
    }

    /**
     * Copies the stopped store at {@code database} (the file, its WAL, its journal) into the empty
     * folder {@code folder}, holding the store's lock meanwhile, and returns the copy's database
     * file: opening the copy, which replays its journal and brings its schema up to date, then
     * leaves the original as the Chamada that wrote it left it.
     */
    public static Path copyStoppedStore(Path database, Path folder) throws IOException {
        Path absolute = database.toAbsolutePath().normalize();
        Path copy = folder.resolve(absolute.getFileName());
        try (DatabaseLock lock = DatabaseLock.acquire(absolute)) {
            Files.copy(absolute, copy);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path sibling = absolute.resolveSibling(absolute.getFileName() + suffix);
                if (Files.exists(sibling)) {
                    Files.copy(sibling, folder.resolve(copy.getFileName() + suffix));
                }
            }
            JournalFiles journal = JournalFiles.of(absolute);
            List<Long> segments = journal.segments();
            if (!segments.isEmpty()) {
                JournalFiles copied = JournalFiles.of(copy);
                Files.createDirectories(copied.folder());
                for (long segment : segments) {
                    Files.copy(journal.segment(segment), copied.segment(segment));
                }
            }
        }
        return copy;
    }

    /**
     * Opens the database {@code file} as a server would, then closes it, leaving no lock file nor
     * journal folder beside it: a check that this Chamada can serve it (not a newer one's, not
     * damaged), bringing its schema up to date. Throws {@link StoreUnavailableException} saying why not.
     */
    public static void check(Path file, ZoneId zone) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        open(absolute, zone).close();
        Files.deleteIfExists(DatabaseLock.fileOf(absolute));
        Files.deleteIfExists(JournalFiles.of(absolute).folder());
    }

    /** Whether {@code database} holds anything: the file, or a journal beside it. */
    public static boolean holdsData(Path database) throws IOException {
        Path absolute = database.toAbsolutePath().normalize();
        return Files.exists(absolute) || !JournalFiles.of(absolute).segments().isEmpty();
    }

    /**
     * Puts {@code copy}, a database {@link #copyDatabaseTo} wrote, in place of {@code database},
     * which no server may be using (its lock is taken meanwhile, or this fails naming the server's
     * lock file). The journal and the WAL beside it go first, so that nothing older is replayed onto the copy.
     */
    public static void replaceDatabase(Path database, Path copy) throws IOException {
        Path absolute = database.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        try (DatabaseLock lock = DatabaseLock.acquire(absolute)) {
            JournalFiles.of(absolute).deleteBelow(Long.MAX_VALUE);
            Files.deleteIfExists(absolute.resolveSibling(absolute.getFileName() + "-wal"));
            Files.deleteIfExists(absolute.resolveSibling(absolute.getFileName() + "-shm"));
            Files.move(copy, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel folder = FileChannel.open(absolute.getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            }
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
    }

    /** Read without stopping either thread, so it may be a batch behind or ahead; never below 0. */
    @Override
    public long journalLag() {
        return Math.max(0, writer.durableWrites() - applier.appliedWrites());
    }

    @Override
    public byte[] sessionKey() {
        return applier.recovered().sessionKey().clone();
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
        accounts.close();
        writer.shutdown();
        writer.awaitTermination();
        applier.shutdown();
        applier.awaitTermination();
        readers.shutdown();
        readers.awaitTermination();
        lock.close();
    }
}
