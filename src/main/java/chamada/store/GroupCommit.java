package chamada.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes a batch of writes durable in one transaction, so one fsync serves them all, and
 * completes their futures in submission order.
 *
 * <p>Design note. The statements run in submission order; consecutive writes of the same
 * kind go down in one {@code executeBatch}. A write that changes nothing (a check-in into a
 * roll call that is closed or absent, a close of a roll call that is not open) counts as
 * failed, like a constraint violation. If anything in the batch fails, the transaction is
 * rolled back and each write is retried alone, in order, in its own transaction: the bad
 * write fails only its own future, and a write that depends on an earlier one (a check-in
 * after its roll call's open) still finds it committed. Failures are rare, so paying one
 * fsync per write then is fine.
 *
 * <p>The check-in insert computes {@code seq} from the roll call's highest so far, inside
 * the same transaction, so arrival order needs no state in memory and survives restarts
 * and rollbacks without gaps. It also reads {@code closed_at}, so the store itself refuses
 * check-ins into a closed roll call.
 *
 * <p>Confined to the writer thread, with its connection and prepared statements, which
 * are prepared once and reused by every batch. Futures are completed on this thread, so a
 * dependent stage attached without an executor may run here and delay the next batch.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private static final String INSERT_ROLL_CALL =
            "INSERT INTO roll_calls (id, class_id, teacher, opened_at) VALUES (?, ?, ?, ?)";
    private static final String INSERT_CHECK_IN = """
            INSERT INTO check_ins (roll_call_id, seq, matricula, at)
            SELECT r.id,
                   (SELECT COALESCE(MAX(c.seq), 0) + 1 FROM check_ins c WHERE c.roll_call_id = r.id),
                   ?, ?
            FROM roll_calls r
            WHERE r.id = ? AND r.closed_at IS NULL""";
    private static final String CLOSE_ROLL_CALL =
            "UPDATE roll_calls SET closed_at = ? WHERE id = ? AND closed_at IS NULL";

    private final Connection connection;
    private final WriteCounters counters;
    private final PreparedStatement insertRollCall;
    private final PreparedStatement insertCheckIn;
    private final PreparedStatement closeRollCall;

    /** Takes over {@code connection} (turning auto-commit off); closing this closes the statements, not the connection. */
    GroupCommit(Connection connection, WriteCounters counters) throws SQLException {
        this.connection = connection;
        this.counters = counters;
        connection.setAutoCommit(false);
        this.insertRollCall = connection.prepareStatement(INSERT_ROLL_CALL);
        this.insertCheckIn = connection.prepareStatement(INSERT_CHECK_IN);
        this.closeRollCall = connection.prepareStatement(CLOSE_ROLL_CALL);
    }

    /** Commits {@code batch} (writes in submission order) and completes every future in it. */
    void commit(List<Write> batch) {
        try {
            execute(batch);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            if (batch.size() == 1) {
                fail(batch.getFirst(), e);
                return;
            }
            log.error("Group commit of {} writes failed; retrying each write in its own transaction",
                    batch.size(), e);
            batch.forEach(this::commitAlone);
            return;
        }
        counters.committed(batch.size());
        batch.forEach(write -> write.done().complete(null));
    }

    private void commitAlone(Write write) {
        try {
            execute(List.of(write));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            fail(write, e);
            return;
        }
        counters.committed(1);
        write.done().complete(null);
    }

    /** Runs the statements of {@code writes} in order, one executeBatch per run of the same kind. */
    private void execute(List<Write> writes) throws SQLException {
        int start = 0;
        while (start < writes.size()) {
            Class<?> kind = writes.get(start).getClass();
            PreparedStatement statement = null;
            int end = start;
            try {
                while (end < writes.size() && writes.get(end).getClass() == kind) {
                    statement = bind(writes.get(end));
                    statement.addBatch();
                    end++;
                }
                int[] counts = statement.executeBatch();
                for (int i = start; i < end; i++) {
                    if (counts[i - start] != 1) {
                        throw refused(writes.get(i));
                    }
                }
            } finally {
                if (statement != null) {
                    statement.clearBatch();
                }
            }
            start = end;
        }
    }

    private PreparedStatement bind(Write write) throws SQLException {
        return switch (write) {
            case Write.Open open -> {
                insertRollCall.setLong(1, open.id());
                insertRollCall.setInt(2, open.classId().value());
                insertRollCall.setString(3, open.teacher().value());
                insertRollCall.setLong(4, open.openedAt());
                yield insertRollCall;
            }
            case Write.CheckIn checkIn -> {
                insertCheckIn.setString(1, checkIn.matricula().value());
                insertCheckIn.setLong(2, checkIn.at());
                insertCheckIn.setLong(3, checkIn.rollCallId());
                yield insertCheckIn;
            }
            case Write.Close close -> {
                closeRollCall.setLong(1, close.closedAt());
                closeRollCall.setLong(2, close.rollCallId());
                yield closeRollCall;
            }
        };
    }

    private static IllegalStateException refused(Write write) {
        return new IllegalStateException(switch (write) {
            case Write.Open open -> open + " inserted no row";
            case Write.CheckIn checkIn -> checkIn + " refused: the roll call does not exist or is closed";
            case Write.Close close -> close + " refused: the roll call does not exist or is already closed";
        });
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void fail(Write write, Exception cause) {
        counters.failed();
        // The caller logs the failure with its stack trace when it waits; once is enough.
        log.warn("Store write failed: {}: {}", write, cause.toString());
        write.done().completeExceptionally(cause);
    }

    @Override
    public void close() throws SQLException {
        // Only the statements: the connection belongs to whoever opened it.
        SQLException failure = null;
        for (PreparedStatement statement : List.of(insertRollCall, insertCheckIn, closeRollCall)) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
