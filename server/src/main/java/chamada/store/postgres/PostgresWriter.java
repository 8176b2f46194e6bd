package chamada.store.postgres;

import chamada.attendance.MarkResult;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.StoreFailure;
import chamada.store.Command;
import chamada.store.StoreMeters;
import chamada.store.Threads;
import chamada.store.WorkQueue;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The node's one writing thread: it takes every write queued since its last transaction and
 * decides them in order ({@link PostgresRules}), the consecutive check-ins of a batch in one
 * transaction whatever their number, so check-ins arriving together cost PostgreSQL one
 * commit. A caller's future completes only after its transaction committed. While a
 * transaction runs, the next batch gathers: no timer, so one check-in alone waits for nothing.
 *
 * <p>A step PostgreSQL rolled back for a deadlock or a lock it could not get (two nodes taking
 * the same check-ins in opposite orders) is tried again, since nothing of it was kept; so is,
 * once, a step whose pooled connection PostgreSQL had closed (a restart of PostgreSQL). Futures
 * complete on this thread; a stage attached without an executor runs here and must not block.
 */
final class PostgresWriter {

    private static final Logger log = LoggerFactory.getLogger(PostgresWriter.class);

    /** Writes taken into one batch at most. */
    static final int MAX_BATCH = 2_000;

    /** Tries of one step that PostgreSQL rolls back for a deadlock, a serialization failure or a lock timeout. */
    static final int ATTEMPTS = 5;

    /** deadlock_detected, serialization_failure, lock_not_available: the transaction was rolled back whole. */
    private static final Set<String> TRY_AGAIN = Set.of("40P01", "40001", "55P03");

    private final DataSource connections;
    private final PostgresRules rules;
    /** This node's live views and the other nodes', told each commit's events. */
    private final PostgresEvents events;
    private final String database;
    private final WorkQueue<Command<?>> queue = new WorkQueue<>();
    private final Thread thread;
    /** What the last transaction that failed said, until one succeeds. Read by any thread. */
    private volatile Optional<SQLException> failing = Optional.empty();
    /** Where each batch's commit time goes. */
    private final StoreMeters meters;

    PostgresWriter(DataSource connections, PostgresRules rules, PostgresEvents events, String database, StoreMeters meters) {
        this.connections = connections;
        this.meters = meters;
        this.rules = rules;
        this.events = events;
        this.database = database;
        this.thread = Thread.ofPlatform().name("chamada-postgres-writer").daemon(false).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    <R> CompletableFuture<R> submit(Command<R> command) {
        if (!queue.offer(command)) {
            command.done().completeExceptionally(new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                    "store is closed: PostgreSQL " + database));
        }
        return command.done();
    }

    /** Why the last transaction failed, while none has succeeded since. */
    Optional<SQLException> failing() {
        return failing;
    }

    /** Refuses new writes, decides those already queued, and returns once it has. */
    void stop() {
        queue.close();
        Threads.joinUninterruptibly(thread);
    }

    private void run() {
        for (List<Command<?>> batch = queue.take(MAX_BATCH); !batch.isEmpty(); batch = queue.take(MAX_BATCH)) {
            try {
                decide(batch);
            } catch (RuntimeException | Error e) {
                // A bug outside any transaction: said once, and no caller is left waiting.
                log.error("The PostgreSQL writer failed on a batch of {} writes", batch.size(), e);
                StoreFailure unknown = new StoreFailure(StoreFailure.Kind.OUTCOME_UNKNOWN,
                        "the store failed while deciding this write: " + e, e);
                batch.forEach(command -> command.done().completeExceptionally(unknown)); // no-op for those done
            }
        }
    }

    /**
     * Decides {@code batch} in order: each run of check-ins in one transaction, each open and
     * close in its own. Once PostgreSQL fails a step, the rest of the batch is not tried.
     */
    private void decide(List<Command<?>> batch) {
        int next = 0;
        while (next < batch.size()) {
            int end = next + 1;
            if (batch.get(next) instanceof Command.CheckIn) {
                while (end < batch.size() && batch.get(end) instanceof Command.CheckIn) {
                    end++;
                }
            }
            if (!transact(batch.subList(next, end))) {
                StoreFailure unavailable = new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                        "PostgreSQL " + database + " failed an earlier write of the same batch; this one was not tried");
                batch.subList(end, batch.size()).forEach(command -> command.done().completeExceptionally(unavailable));
                return;
            }
            next = end;
        }
    }

    /** Decides {@code step} in one transaction, tried again while PostgreSQL asks, and completes its futures; false if PostgreSQL failed it. */
    private boolean transact(List<Command<?>> step) {
        for (int attempt = 1; ; attempt++) {
            Transaction transaction = new Transaction(step);
            try (Connection connection = connections.getConnection()) {
                transaction.run(connection);
            } catch (SQLException e) {
                if (transaction.answered) {
                    log.warn("PostgreSQL {}: giving a connection back failed: {}", database, e.toString());
                    return true;
                }
                if (transaction.committing && transaction.decided != null) {
                    Optional<Boolean> committed = CommitReadBack.committed(connections, transaction.xid,
                            transaction.backendPid);
                    if (committed.orElse(false)) {
                        log.warn("PostgreSQL {}: a commit lost its connection ({}); read back, it was made", database,
                                e.toString());
                        transaction.answer();
                        return true;
                    }
                    if (committed.isPresent()) {
                        log.warn("PostgreSQL {}: a commit lost its connection ({}); read back, it was not made", database,
                                e.toString());
                        fail(step, new StoreFailure(StoreFailure.Kind.NOT_MADE, "PostgreSQL " + database
                                + " lost the connection before the commit; nothing was changed", e));
                        return false;
                    }
                }
                if (!transaction.committing && (TRY_AGAIN.contains(e.getSQLState()) && attempt < ATTEMPTS
                        || StaleConnections.stale(e) && attempt == 1)) {
                    log.debug("PostgreSQL {} rolled back a step of {} writes ({}); trying it again", database,
                            step.size(), e.getSQLState());
                    continue;
                }
                failing = Optional.of(e);
                log.warn("PostgreSQL {} failed a transaction of {} writes: {}", database, step.size(), e.toString());
                fail(step, transaction.committing
                        ? new StoreFailure(StoreFailure.Kind.OUTCOME_UNKNOWN,
                                "PostgreSQL " + database + " lost the connection while committing: " + e.getMessage(), e)
                        : new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                                "PostgreSQL " + database + " cannot take writes now: " + e.getMessage(), e));
                return false;
            } catch (RuntimeException e) {
                log.error("The PostgreSQL writer failed on a step of {} writes", step.size(), e);
                fail(step, transaction.committing
                        ? new StoreFailure(StoreFailure.Kind.OUTCOME_UNKNOWN, "the store failed while committing: " + e, e)
                        : new StoreFailure(StoreFailure.Kind.NOT_MADE, "the store failed deciding this write: " + e, e));
                return true; // a bug in this step; the next steps are transactions of their own
            }
            return true;
        }
    }

    private static long transactionId(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery("SELECT txid_current()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void fail(List<Command<?>> step, StoreFailure failure) {
        step.forEach(command -> command.done().completeExceptionally(failure)); // no-op for those done
    }

    /** One try of a step: where it got to, for the failure to say what is known. */
    private final class Transaction {
        private final List<Command<?>> step;
        private boolean committing;
        private boolean answered;
        /** The session's process and the transaction's id, to ask PostgreSQL about a commit of unknown outcome. */
        private int backendPid;
        private long xid;
        private PostgresRules.Decided decided;

        Transaction(List<Command<?>> step) {
            this.step = step;
        }

        @SuppressWarnings("unchecked")
        void run(Connection connection) throws SQLException {
            connection.setAutoCommit(false);
            backendPid = connection.unwrap(PGConnection.class).getBackendPID();
            try {
                decided = switch (step.getFirst()) {
                    case Command.Open open -> rules.open(connection, open);
                    case Command.Close close -> rules.close(connection, close);
                    case Command.CheckIn ignored -> rules.checkIns(connection, (List<Command.CheckIn>) (List<?>) step);
                    case Command.ReplaceRoster replace -> rules.replaceRoster(connection, replace);
                    case Command.Mark mark -> rules.mark(connection, mark);
                    case Command.OpenList list -> throw new IllegalArgumentException("a read is not written: " + list);
                    case Command.Status status -> throw new IllegalArgumentException("a read is not written: " + status);
                    case Command.OpenedBefore before -> throw new IllegalArgumentException("a read is not written: " + before);
                    case Command.NamesOf names -> throw new IllegalArgumentException("a read is not written: " + names);
                    case Command.Purge purge -> throw new IllegalArgumentException(
                            "a purge is its own transaction (PostgresStore.deleteClosedBefore): " + purge);
                    case Command.Forget forget -> throw new IllegalArgumentException(
                            "a forget is its own transaction (PostgresStore.forget): " + forget);
                };
                xid = transactionId(connection);
                committing = true;
                long commitStart = System.nanoTime();
                connection.commit();
                meters.synced(System.nanoTime() - commitStart);
            } catch (SQLException | RuntimeException e) {
                if (!committing) {
                    rollbackQuietly(connection);
                }
                throw e;
            }
            answer();
        }

        /** Completes the callers' futures with the committed outcomes, then tells the live views. */
        @SuppressWarnings("unchecked")
        void answer() {
            if (failing.isPresent()) {
                // Said once, so that whoever read the warnings knows when they stopped applying.
                log.info("PostgreSQL {} takes writes again", database);
                failing = Optional.empty();
            }
            for (int i = 0; i < step.size(); i++) {
                ((Command<Object>) step.get(i)).done().complete(decided.outcomes().get(i));
            }
            answered = true;
            events.tell(events(step, decided));
        }
    }

    /**
     * What the committed {@code step} changed, in order, each check-in with its roll call's
     * count: the count after the step, less the step's new students who came after it.
     */
    private static List<RollCallEvent> events(List<Command<?>> step, PostgresRules.Decided decided) {
        List<?> outcomes = decided.outcomes();
        List<RollCallEvent> changes = new ArrayList<>();
        Map<ClassId, Integer> registeredAfter = new HashMap<>();
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof CheckInResult.Registered || outcome instanceof CheckInResult.Replaced) {
                Command.CheckIn command = (Command.CheckIn) step.get(i);
                ClassId classId = command.attempt().classId();
                Optional<Matricula> replaced = outcome instanceof CheckInResult.Replaced r ? Optional.of(r.replaced())
                        : Optional.empty();
                int count = decided.presentAfter().get(classId) - registeredAfter.getOrDefault(classId, 0);
                changes.add(new RollCallEvent.CheckedIn(classId, command.attempt().matricula(),
                        ((CheckInResult) outcome).at(), count, replaced));
                if (replaced.isEmpty()) {
                    registeredAfter.merge(classId, 1, Integer::sum);
                }
            } else if (outcome instanceof OpenResult.Opened opened) {
                changes.add(new RollCallEvent.Opened(opened.classId(), opened.openedAt()));
            } else if (outcome instanceof MarkResult.Marked marked) {
                changes.add(new RollCallEvent.Marked(marked.classId(), marked.rollCallId(),
                        ((Command.Mark) step.get(i)).mark().matricula(), marked.to(), marked.at()));
            } else if (outcome instanceof CloseResult.Closed closed) {
                RollCall rollCall = closed.rollCall();
                changes.add(new RollCallEvent.Closed(rollCall.classId(), rollCall.closedAt().orElseThrow(),
                        rollCall.present().size()));
            }
        }
        return changes.reversed();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback after a failed transaction failed too", e);
        }
    }
}
