package chamada.store.postgres;

import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.EventHub;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.StoreFailure;
import chamada.store.Command;
import chamada.store.WorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The node's one writing thread: it takes every write queued since its last transaction and
 * decides them in order ({@link PostgresRules}), the consecutive check-ins of a batch in one
 * transaction whatever their number, so check-ins arriving together cost PostgreSQL one
 * commit. A caller's future completes only after its transaction committed. While a
 * transaction runs, the next batch gathers: no timer, so one check-in alone waits for nothing.
 *
 * <p>Futures complete on this thread; a stage attached without an executor runs here and must
 * not block.
 */
final class PostgresWriter {

    private static final Logger log = LoggerFactory.getLogger(PostgresWriter.class);

    /** Writes taken into one batch at most; a run of check-ins is one statement per this many. */
    static final int MAX_BATCH = 2_000;

    private final DataSource pool;
    private final PostgresRules rules;
    private final EventHub events;
    private final String database;
    private final WorkQueue<Command<?>> queue = new WorkQueue<>();
    private final Thread thread;
    /** What the last transaction that failed said, until one succeeds. Read by any thread. */
    private volatile Optional<SQLException> failing = Optional.empty();

    PostgresWriter(DataSource pool, PostgresRules rules, EventHub events, String database) {
        this.pool = pool;
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
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        for (List<Command<?>> batch = queue.take(MAX_BATCH); !batch.isEmpty(); batch = queue.take(MAX_BATCH)) {
            try {
                decide(batch);
            } catch (RuntimeException | Error e) {
                log.error("The PostgreSQL writer failed on a batch of {} writes", batch.size(), e);
                StoreFailure unknown = new StoreFailure(StoreFailure.Kind.OUTCOME_UNKNOWN,
                        "the store failed while deciding this write: " + e, e);
                batch.forEach(command -> command.done().completeExceptionally(unknown));
            }
        }
    }

    /** Decides {@code batch} in order: each run of check-ins in one transaction, each open and close in its own. */
    private void decide(List<Command<?>> batch) {
        int next = 0;
        while (next < batch.size()) {
            int end = next + 1;
            if (batch.get(next) instanceof Command.CheckIn) {
                while (end < batch.size() && batch.get(end) instanceof Command.CheckIn) {
                    end++;
                }
            }
            List<Command<?>> step = batch.subList(next, end);
            if (!transact(step)) {
                StoreFailure unavailable = new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                        "PostgreSQL " + database + " failed an earlier write of the same batch; nothing was changed");
                batch.subList(end, batch.size()).forEach(command -> command.done().completeExceptionally(unavailable));
                return;
            }
            next = end;
        }
    }

    /** Decides {@code step} in one transaction and completes its futures; false if the transaction failed. */
    @SuppressWarnings("unchecked")
    private boolean transact(List<Command<?>> step) {
        List<?> outcomes;
        boolean committing = false;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                outcomes = switch (step.getFirst()) {
                    case Command.Open open -> List.of(rules.open(connection, open));
                    case Command.Close close -> List.of(rules.close(connection, close));
                    case Command.CheckIn ignored -> rules.checkIns(connection, (List<Command.CheckIn>) (List<?>) step);
                    case Command.OpenList list -> throw new IllegalArgumentException("a read is not written: " + list);
                    case Command.Status status -> throw new IllegalArgumentException("a read is not written: " + status);
                };
                committing = true;
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                if (!committing) {
                    rollbackQuietly(connection);
                }
                throw e;
            }
            failing = Optional.empty();
            for (int i = 0; i < step.size(); i++) {
                ((Command<Object>) step.get(i)).done().complete(outcomes.get(i));
            }
            publish(connection, step, outcomes);
        } catch (SQLException e) {
            failing = Optional.of(e);
            log.warn("PostgreSQL {} failed a transaction of {} writes: {}", database, step.size(), e.toString());
            StoreFailure failure = committing
                    ? new StoreFailure(StoreFailure.Kind.OUTCOME_UNKNOWN,
                            "PostgreSQL " + database + " lost the connection while committing: " + e.getMessage(), e)
                    : new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                            "PostgreSQL " + database + " cannot take writes now: " + e.getMessage(), e);
            step.forEach(command -> command.done().completeExceptionally(failure)); // no-op for those completed
            return false;
        }
        return true;
    }

    /** Tells this node's live views what the committed step changed; a failure to count is logged, not the callers'. */
    private void publish(Connection connection, List<Command<?>> step, List<?> outcomes) {
        try {
            List<RollCallEvent> heard = events(connection, step, outcomes);
            connection.commit();
            heard.forEach(events::publish);
        } catch (SQLException e) {
            log.warn("PostgreSQL {}: live views missed what {} committed writes changed: {}", database, step.size(),
                    e.toString());
        }
    }

    /**
     * What the committed {@code step} changed, for the classes someone on this node listens to,
     * with each check-in's count: the class's count now, read once, less the check-ins of the
     * step that came after it.
     */
    private List<RollCallEvent> events(Connection connection, List<Command<?>> step, List<?> outcomes)
            throws SQLException {
        List<RollCallEvent> heard = new ArrayList<>();
        Map<ClassId, Integer> countNow = new HashMap<>();
        Map<ClassId, Integer> registeredAfter = new HashMap<>();
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            Object outcome = outcomes.get(i);
            if ((outcome instanceof CheckInResult.Registered || outcome instanceof CheckInResult.Replaced)
                    && events.isHeard(((Command.CheckIn) step.get(i)).attempt().classId())) {
                CheckInResult result = (CheckInResult) outcome;
                ClassId classId = ((Command.CheckIn) step.get(i)).attempt().classId();
                if (!countNow.containsKey(classId)) {
                    countNow.put(classId, rules.presentCount(connection, classId));
                }
                int count = countNow.get(classId) - registeredAfter.getOrDefault(classId, 0);
                Matricula matricula = ((Command.CheckIn) step.get(i)).attempt().matricula();
                Optional<Matricula> replaced = result instanceof CheckInResult.Replaced r ? Optional.of(r.replaced())
                        : Optional.empty();
                heard.add(new RollCallEvent.CheckedIn(classId, matricula, result.at(), count, replaced));
                if (replaced.isEmpty()) {
                    registeredAfter.merge(classId, 1, Integer::sum);
                }
            } else if (outcome instanceof OpenResult.Opened opened) {
                heard.add(new RollCallEvent.Opened(opened.classId(), opened.openedAt()));
            } else if (outcome instanceof CloseResult.Closed closed) {
                RollCall rollCall = closed.rollCall();
                heard.add(new RollCallEvent.Closed(rollCall.classId(), rollCall.closedAt().orElseThrow(),
                        rollCall.present().size()));
            }
        }
        return heard.reversed();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback after a failed transaction failed too", e);
        }
    }
}
