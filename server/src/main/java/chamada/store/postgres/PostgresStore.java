package chamada.store.postgres;

import chamada.attendance.AuditEntry;
import chamada.attendance.Mark;
import chamada.attendance.MarkResult;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
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
import chamada.rollcall.StoreFailure;
import chamada.rollcall.StoreHealth;
import chamada.rollcall.TeacherName;
import chamada.roster.Roster;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;
import chamada.store.AccountRules;
import chamada.store.ChamadaStore;
import chamada.store.ClassDefaultRules;
import chamada.store.Command;
import chamada.store.ForgetStatements;
import chamada.store.MaterialRules;
import chamada.store.MessageRules;
import chamada.store.PurgeStatements;
import chamada.store.RollCallReads;
import chamada.store.StoreMeters;
import chamada.store.StoreProblem;
import chamada.store.StoreUnavailableException;
import chamada.teachers.Account;
import chamada.teachers.AccountChange;
import chamada.teachers.AccountEdit;
import chamada.teachers.FileTeacher;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link chamada.rollcall.RollCallStore} in a PostgreSQL database that several nodes share.
 * Writes go through the node's {@link PostgresWriter}, which decides them in transactions
 * ({@link PostgresRules}); reads run on virtual threads, each with a pooled connection, and see
 * every write whose future completed, since a future completes after its commit.
 *
 * <p>Times are stored as epoch milliseconds, as in the embedded store, and read back in the
 * zone given at {@link #open}.
 */
public final class PostgresStore implements ChamadaStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresStore.class);

    /**
     * Connections for reads per node: a teacher's history or export, a status. The writer has a
     * connection of its own, so reads never make a check-in wait for one.
     */
    static final int READ_CONNECTIONS = 4;
    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final Duration STUCK_TRANSACTION = Duration.ofSeconds(30);
    private static final int SOCKET_TIMEOUT_SECONDS = 60;
    /**
     * Makes a session's commits wait for the disk where the server's default is {@code off}, and
     * only there: {@code off} answers a COMMIT before its record is on disk, so a crash of
     * PostgreSQL loses what the node had acknowledged (the kill -9 campaign lost dozens of
     * check-ins so); {@code local}, {@code on} and the synchronous standby's settings already wait,
     * and are kept as the school chose them.
     */
    static final String DURABLE_COMMITS =
            "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'";

    private final PostgresAddress address;
    private final HikariDataSource pool;
    private final HikariDataSource writes;
    private final PostgresWriter writer;
    private final PostgresEvents others;
    private final RollCallReads reads;
    private final EventHub events;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    private final byte[] sessionKey;
    private final ClassDefaultRules classDefaults = new ClassDefaultRules();
    private final MessageRules messages;
    private final MaterialRules materials;
    /** Accounts' writes wait for each other on this lock: the last administrator is decided under it. */
    private final AccountRules accountRules = new AccountRules(
            Optional.of("SELECT pg_advisory_xact_lock(hashtextextended('chamada:teachers', 0))"));
    private final StoreMeters meters;
    private volatile boolean closed;

    private PostgresStore(PostgresAddress address, HikariDataSource pool, HikariDataSource writes, PostgresWriter writer,
                          PostgresEvents others, RollCallReads reads, EventHub events, byte[] sessionKey,
                          StoreMeters meters) {
        this.others = others;
        this.meters = meters;
        this.address = address;
        this.pool = pool;
        this.writes = writes;
        this.writer = writer;
        this.reads = reads;
        this.messages = new MessageRules(reads.zone());
        this.materials = new MaterialRules(reads.zone());
        this.events = events;
        this.sessionKey = sessionKey;
    }

    /**
     * Connects to the database at {@code address} with {@code password}, brings its schema up to
     * date and starts the node's writer; times are read back in {@code zone}. Throws
     * {@link StoreUnavailableException} naming the address (never the password) if it cannot.
     */
    public static PostgresStore open(PostgresAddress address, Optional<String> password, ZoneId zone) {
        return open(address, password, zone, PostgresEvents.POLL);
    }

    /** As {@link #open(PostgresAddress, Optional, ZoneId)}, polling for missed events every {@code poll}. */
    static PostgresStore open(PostgresAddress address, Optional<String> password, ZoneId zone, Duration poll) {
        HikariDataSource pool = pool(address, password, "chamada-postgres-reads", READ_CONNECTIONS);
        HikariDataSource writes = null;
        PostgresEvents others = null;
        try {
            migrate(pool, address);
            byte[] sessionKey = sessionKey(pool);
            writes = pool(address, password, "chamada-postgres-writes", 1);
            RollCallReads reads = new RollCallReads(zone);
            EventHub events = new EventHub();
            others = new PostgresEvents(address, password, pool, events, zone, poll);
            others.start();
            StoreMeters meters = new StoreMeters("postgres");
            PostgresWriter writer = new PostgresWriter(writes, new PostgresRules(zone, reads), others, address.toString(),
                    meters);
            writer.start();
            return new PostgresStore(address, pool, writes, writer, others, reads, events, sessionKey, meters);
        } catch (SQLException e) {
            closeAll(pool, writes);
            throw new StoreUnavailableException(StoreProblem.POSTGRES_UNREACHABLE, address, e, rootMessage(e));
        } catch (RuntimeException e) {
            closeAll(pool, writes);
            throw e;
        } catch (InterruptedException e) {
            if (others != null) {
                others.close();
            }
            closeAll(pool, writes);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(StoreProblem.POSTGRES_UNREACHABLE, address, e, "interrupted");
        }
    }

    /**
     * Brings the database's schema up to date and makes its session key if it has none, as the
     * first node to start would, without starting a node: for {@link FromEmbedded}, which must not
     * look like a running node to itself. Two connections: Flyway holds one for its lock while it
     * migrates on the other.
     */
    static void prepare(PostgresAddress address, Optional<String> password) {
        try (HikariDataSource pool = pool(address, password, "chamada-postgres-migrate", 2)) {
            migrate(pool, address);
            sessionKey(pool);
        } catch (SQLException e) {
            throw new StoreUnavailableException(StoreProblem.POSTGRES_UNREACHABLE, address, e, rootMessage(e));
        }
    }

    /**
     * A pool of {@code size} connections. Every session gives up on a lock after {@link #LOCK_WAIT}
     * and is ended by PostgreSQL once idle in a transaction for {@link #STUCK_TRANSACTION}, so a
     * node that hangs mid-transaction cannot hold the other nodes' writers for good; a statement
     * with no answer for {@link #SOCKET_TIMEOUT_SECONDS} fails, and keep-alives notice a dead peer.
     * Every session's commits are durable ({@link #DURABLE_COMMITS}).
     */
    private static HikariDataSource pool(PostgresAddress address, Optional<String> password, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(address.jdbcUrl());
        config.setUsername(address.user());
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setInitializationFailTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setPoolName(name);
        config.setConnectionInitSql(DURABLE_COMMITS);
        config.addDataSourceProperty("options", "-c lock_timeout=" + LOCK_WAIT.toMillis()
                + " -c idle_in_transaction_session_timeout=" + STUCK_TRANSACTION.toMillis());
        config.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(StoreProblem.POSTGRES_UNREACHABLE, address, e, rootMessage(e));
        }
    }

    private static void closeAll(HikariDataSource... pools) {
        for (HikariDataSource pool : pools) {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private static void migrate(HikariDataSource pool, PostgresAddress address) {
        try {
            // No pattern ignored: a database migrated by a newer Chamada is refused, not used half-understood.
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/postgresql")
                    .ignoreMigrationPatterns(new String[0]).outputQueryResults(false).load();
            refuseNewerSchema(flyway.info(), address);
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0 && result.initialSchemaVersion == null) {
                log.info("PostgreSQL {}: a new database, at schema version {}", address, result.targetSchemaVersion);
            } else if (result.migrationsExecuted > 0) {
                log.info("PostgreSQL {}: schema version {} brought up to {}", address, result.initialSchemaVersion,
                        result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new StoreUnavailableException(StoreProblem.POSTGRES_SCHEMA, address, e, rootMessage(e));
        }
    }

    /**
     * Refuses a database a newer Chamada has migrated (Flyway sees applied migrations this build
     * does not have), saying so in the versions' words before Flyway would in its own, about
     * unresolved migrations: in a cluster being upgraded node by node, a node of the older build
     * that restarts stops here.
     */
    private static void refuseNewerSchema(MigrationInfoService info, PostgresAddress address) {
        boolean newer = Arrays.stream(info.all()).anyMatch(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS
                || migration.getState() == MigrationState.FUTURE_FAILED);
        if (!newer) {
            return;
        }
        String known = Arrays.stream(info.all()).filter(migration -> migration.getState().isResolved())
                .map(MigrationInfo::getVersion).filter(java.util.Objects::nonNull).max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion).orElse("0");
        throw new StoreUnavailableException(StoreProblem.POSTGRES_NEWER_SCHEMA, address, null,
                info.current().getVersion().getVersion(), known);
    }

    /** The nodes' shared signing key: made by the first node to find none, read by every other. */
    private static byte[] sessionKey(HikariDataSource pool) throws SQLException {
        byte[] made = new byte[32];
        new SecureRandom().nextBytes(made);
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO session_key (id, key) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setBytes(1, made);
                insert.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT key FROM session_key WHERE id = 1");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public CompletableFuture<OpenResult> open(ClassId classId, TeacherName teacher, CheckInRules rules, OffsetDateTime at) {
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
    public CompletableFuture<RosterChange> replaceRoster(ClassId classId, List<RosterEntry> students) {
        return Roster.refusal(students).<CompletableFuture<RosterChange>>map(CompletableFuture::failedFuture).orElseGet(
                () -> writer.submit(new Command.ReplaceRoster(classId, students, new CompletableFuture<>())));
    }

    @Override
    public CompletableFuture<MarkResult> mark(Mark mark) {
        return writer.submit(new Command.Mark(mark, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<List<AuditEntry>> audit(ClassId classId) {
        return read(connection -> reads.audit(connection, classId));
    }

    @Override
    public CompletableFuture<RosterNames> names(ClassId classId) {
        return read(connection -> reads.names(connection, classId));
    }

    @Override
    public CompletableFuture<Roster> roster(ClassId classId) {
        return read(connection -> reads.roster(connection, classId));
    }

    /** One transaction, with the audit's removal allowed by {@code chamada.purging} for it only. */
    @Override
    public CompletableFuture<Integer> deleteClosedBefore(OffsetDateTime cutoff) {
        return write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL chamada.purging = 'on'");
                // The roll calls' rows first, in one order: a close or a mark holding one is waited for, and
                // two nodes purging at once take turns, rather than deadlock or fail on a foreign key.
                try (PreparedStatement lock = connection.prepareStatement(
                        PurgeStatements.oldRollCalls() + " ORDER BY id FOR UPDATE")) {
                    lock.setLong(1, cutoff.toInstant().toEpochMilli());
                    lock.executeQuery().close();
                }
            }
            return PurgeStatements.run(connection, cutoff.toInstant().toEpochMilli(), List.of(
                    "DELETE FROM roll_call_counts WHERE roll_call_id IN (" + PurgeStatements.oldRollCalls() + ")"));
        });
    }

    @Override
    public RollCallEvents events() {
        return events;
    }

    @Override
    public CompletableFuture<Optional<RollCall>> openRollCall(ClassId classId) {
        return read(connection -> reads.openRollCall(connection, classId));
    }

    @Override
    public CompletableFuture<List<RollCall>> openRollCalls() {
        return read(reads::openRollCalls);
    }

    @Override
    public CompletableFuture<List<ClassId>> openedBefore(OffsetDateTime cutoff) {
        return read(connection -> reads.openedBefore(connection, cutoff));
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
    public CompletableFuture<Optional<Account>> account(TeacherName name) {
        return read(connection -> accountRules.account(connection, name));
    }

    @Override
    public CompletableFuture<List<Account>> accounts() {
        return read(accountRules::accounts);
    }

    @Override
    public CompletableFuture<AccountChange> changeAccount(AccountEdit edit) {
        return write(connection -> accountRules.change(connection, edit));
    }

    @Override
    public CompletableFuture<Integer> importTeachers(List<FileTeacher> teachers) {
        return write(connection -> accountRules.importTeachers(connection, teachers));
    }

    @Override
    public CompletableFuture<StudentRecords> studentRecords(Matricula matricula) {
        return read(connection -> reads.studentRecords(connection, matricula));
    }

    /**
     * One transaction: refused while the student is in an open roll call, else every table
     * renamed, with the audit's one change allowed by {@code chamada.forgetting} for this
     * transaction only.
     */
    @Override
    public CompletableFuture<ForgetResult> forget(Forget forget) {
        return write(connection -> {
            try (Statement statement = connection.createStatement()) {
                // Check-ins, marks and messages wait for the few milliseconds a forget takes: none commits the
                // matrícula between the refusal's check and the renames, into an open roll call or at all.
                statement.execute("LOCK TABLE check_ins, statuses, roster, audit, check_in_replacements, messages"
                        + " IN EXCLUSIVE MODE");
            }
            Optional<ClassId> open = ForgetStatements.openRollCallOf(connection, forget.matricula());
            if (open.isPresent()) {
                return new ForgetResult.InOpenRollCall(open.get());
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL chamada.forgetting = 'on'");
            }
            ForgetStatements.run(connection, forget.matricula(), forget.pseudonym(), forget.administrator(),
                    forget.at().toInstant().toEpochMilli());
            return new ForgetResult.Forgotten(forget.pseudonym());
        });
    }

    /** One transaction on a pooled connection; this node's views and the others hear of it once committed. */
    @Override
    public CompletableFuture<PostResult> post(Posting posting) {
        return write(connection -> {
            try (Statement lock = connection.createStatement()) {
                // Waits for a forget in progress (it holds messages EXCLUSIVE), so that the roster this
                // post reads cannot still name the student the forget takes off; posts do not wait for each other.
                lock.execute("LOCK TABLE messages IN ROW EXCLUSIVE MODE");
            }
            return messages.post(connection, posting);
        }).thenApply(result -> {
            if (result instanceof PostResult.Posted posted) {
                others.tell(List.of(posted.message().event()));
            }
            return result;
        });
    }

    @Override
    public CompletableFuture<List<ClassMessage>> inbox(ClassId classId, boolean unreadOnly, int limit) {
        return read(connection -> messages.inbox(connection, classId, unreadOnly, limit));
    }

    @Override
    public CompletableFuture<Integer> markRead(ClassId classId, List<Long> ids, OffsetDateTime at) {
        return write(connection -> messages.markRead(connection, classId, ids, at.toInstant().toEpochMilli()));
    }

    @Override
    public CompletableFuture<Boolean> anonymousAllowed(ClassId classId) {
        return read(connection -> messages.anonymousAllowed(connection, classId));
    }

    @Override
    public CompletableFuture<Boolean> allowAnonymous(ClassId classId, boolean allowed) {
        return write(connection -> messages.allowAnonymous(connection, classId, allowed));
    }

    @Override
    public CompletableFuture<ShowResult> show(ClassId classId, Optional<Long> id, OffsetDateTime at) {
        return write(connection -> {
            try (Statement lock = connection.createStatement()) {
                // As a post: waits for a forget in progress, so that no text it blanks is shown after it.
                lock.execute("LOCK TABLE messages IN ROW EXCLUSIVE MODE");
            }
            return messages.show(connection, classId, id, at);
        }).thenApply(result -> {
            if (result instanceof ShowResult.Shown shown) {
                others.tell(List.of(shown.event()));
            }
            return result;
        });
    }

    @Override
    public CompletableFuture<Optional<ClassMessage>> shown(ClassId classId) {
        return read(connection -> messages.shown(connection, classId));
    }

    @Override
    public CompletableFuture<List<Material>> materials(ClassId classId) {
        return read(connection -> materials.materials(connection, classId));
    }

    /** One transaction, the class's publishes and removals taking turns on an advisory lock, so its limit holds. */
    @Override
    public CompletableFuture<PublishResult> publish(Material material, long classLimit) {
        return write(connection -> {
            lockClass(connection, material.classId());
            return materials.publish(connection, material, classLimit);
        });
    }

    @Override
    public CompletableFuture<Optional<Material>> remove(ClassId classId, MaterialName name) {
        return write(connection -> {
            lockClass(connection, classId);
            return materials.remove(connection, classId, name);
        });
    }

    private static void lockClass(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(MaterialRules.LOCK_CLASS)) {
            lock.setLong(1, classId.value());
            lock.execute();
        }
    }

    @Override
    public CompletableFuture<Optional<Duration>> lateAfterOf(ClassId classId) {
        return read(connection -> classDefaults.lateAfterOf(connection, classId));
    }

    @Override
    public CompletableFuture<Optional<Duration>> setLateAfter(ClassId classId, Optional<Duration> lateAfter) {
        return write(connection -> classDefaults.setLateAfter(connection, classId, lateAfter));
    }

    @Override
    public CompletableFuture<Set<TeacherName>> teachersOf(ClassId classId) {
        return read(connection -> accountRules.teachersOf(connection, classId));
    }

    @Override
    public CompletableFuture<Assignment> assign(ClassId classId, List<TeacherName> teachers) {
        return write(connection -> accountRules.assign(connection, classId, teachers));
    }

    @Override
    public CompletableFuture<Map<ClassId, List<TeacherName>>> assignments() {
        return read(accountRules::assignments);
    }

    /** One query on a pooled connection. */
    @FunctionalInterface
    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> CompletableFuture<T> read(Query<T> query) {
        if (closed) {
            return CompletableFuture.failedFuture(unavailable("store is closed"));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            readers.execute(() -> run(query, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(unavailable("store is closed"));
        }
        return result;
    }

    /** Runs {@code query}, a second time on another connection if the first was one PostgreSQL had closed. */
    private <T> void run(Query<T> query, CompletableFuture<T> result) {
        try {
            try {
                result.complete(once(query));
            } catch (SQLException e) {
                if (!StaleConnections.stale(e)) {
                    throw e;
                }
                result.complete(once(query));
            }
        } catch (SQLTransientConnectionException e) {
            result.completeExceptionally(new StoreFailure(StoreFailure.Kind.TIMED_OUT,
                    "no connection to PostgreSQL " + address + " within " + CONNECT_TIMEOUT_MILLIS + " ms", e));
        } catch (SQLException e) {
            result.completeExceptionally(unavailable(e.getMessage()));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private <T> T once(Query<T> query) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setReadOnly(true);
            return query.run(connection);
        }
    }

    /**
     * One transaction on a pooled connection, committed before the future completes: an
     * administrator's change to the accounts, or a forget, rare enough not to need the writer's
     * batching. Read committed, whatever the database's default, so that a statement after the
     * advisory lock sees what the transaction that held it committed. Not retried: a commit
     * whose reply was lost may have been made ({@link StoreFailure.Kind#OUTCOME_UNKNOWN}).
     */
    private <T> CompletableFuture<T> write(Query<T> change) {
        if (closed) {
            return CompletableFuture.failedFuture(unavailable("store is closed"));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            readers.execute(() -> {
                try (Connection connection = pool.getConnection()) {
                    connection.setReadOnly(false);
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    connection.setAutoCommit(false);
                    T outcome;
                    try {
                        outcome = change.run(connection);
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                    }
                    try {
                        connection.commit();
                    } catch (SQLException e) {
                        result.completeExceptionally(new StoreFailure(StoreFailure.Kind.OUTCOME_UNKNOWN,
                                "PostgreSQL " + address + ": the commit failed, and may have been made: "
                                        + e.getMessage(), e));
                        return;
                    }
                    result.complete(outcome);
                } catch (SQLException e) {
                    result.completeExceptionally(new StoreFailure(StoreFailure.Kind.NOT_MADE,
                            "PostgreSQL " + address + ": " + e.getMessage(), e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(unavailable("store is closed"));
        }
        return result;
    }

    private StoreFailure unavailable(String why) {
        return new StoreFailure(StoreFailure.Kind.UNAVAILABLE, "PostgreSQL " + address + ": " + why);
    }

    @Override
    public StoreHealth health() {
        return writer.failing().<StoreHealth>map(e -> new StoreHealth.Unhealthy(StoreProblem.POSTGRES_WRITES_FAILING,
                List.of(address, String.valueOf(e.getMessage())))).orElseGet(StoreHealth.Healthy::new);
    }

    @Override
    public byte[] sessionKey() {
        return sessionKey.clone();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
    }

    /** PostgreSQL's own tools back it up, consistently, while every node serves. */
    @Override
    public CompletableFuture<Void> copyDatabaseTo(Path file) {
        return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.BACKUP_ELSEWHERE));
    }

    /** No journal: a write is in PostgreSQL once acknowledged. */
    @Override
    public long journalLag() {
        return 0;
    }

    @Override
    public String describe() {
        return "PostgreSQL " + address;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop();
        others.close();
        readers.close();
        closeAll(pool, writes);
    }
}
