package chamada.store.postgres;

import chamada.rollcall.CheckInResult;
import chamada.rollcall.CloseResult;
import chamada.rollcall.OpenResult;
import chamada.store.Command;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether a step whose commit lost its connection was committed after all. The session that
 * ran it is ended first and awaited, so its transaction is over, committed or rolled back, and
 * stays so; then one row the step wrote is looked for. A transaction is all or nothing, so one
 * row answers for the step. A step that wrote nothing has nothing to find, and its outcomes
 * hold either way.
 */
final class CommitReadBack {

    private static final Duration SESSION_END = Duration.ofSeconds(10);

    private static final String END_SESSION = "SELECT pg_terminate_backend(?)";
    private static final String SESSION_ALIVE = "SELECT 1 FROM pg_stat_activity WHERE pid = ?";
    private static final String ROLL_CALL = "SELECT 1 FROM roll_calls WHERE id = ?";
    private static final String CLOSED = "SELECT 1 FROM roll_calls WHERE class_id = ? AND closed_at = ?";
    private static final String CHECK_IN = """
            SELECT 1 FROM check_ins c JOIN roll_calls r ON r.id = c.roll_call_id
            WHERE r.class_id = ? AND c.matricula = ? AND c.at = ?""";

    private CommitReadBack() {
    }

    /**
     * Whether {@code step}, decided as {@code outcomes} in the session {@code backendPid}, was
     * committed; empty if that cannot be known now (PostgreSQL unreachable, the session not ended
     * in time).
     */
    static Optional<Boolean> committed(DataSource connections, int backendPid, List<Command<?>> step, List<?> outcomes) {
        try (Connection connection = connections.getConnection()) {
            connection.setAutoCommit(true);
            if (!sessionEnded(connection, backendPid)) {
                return Optional.empty();
            }
            for (int i = 0; i < outcomes.size(); i++) {
                Optional<PreparedStatement> proof = proof(connection, step.get(i), outcomes.get(i));
                if (proof.isPresent()) {
                    try (PreparedStatement query = proof.get(); ResultSet row = query.executeQuery()) {
                        return Optional.of(row.next());
                    }
                }
            }
            return Optional.of(true);
        } catch (SQLException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean sessionEnded(Connection connection, int backendPid) throws SQLException, InterruptedException {
        try (PreparedStatement end = connection.prepareStatement(END_SESSION)) {
            end.setInt(1, backendPid);
            end.execute();
        }
        long deadline = System.nanoTime() + SESSION_END.toNanos();
        try (PreparedStatement alive = connection.prepareStatement(SESSION_ALIVE)) {
            alive.setInt(1, backendPid);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = alive.executeQuery()) {
                    if (!row.next()) {
                        return true;
                    }
                }
                Thread.sleep(10);
            }
        }
        return false;
    }

    /** A query that finds a row the command wrote, if its outcome wrote one. */
    private static Optional<PreparedStatement> proof(Connection connection, Command<?> command, Object outcome)
            throws SQLException {
        return switch (outcome) {
            case OpenResult.Opened opened -> {
                PreparedStatement query = connection.prepareStatement(ROLL_CALL);
                query.setLong(1, opened.id());
                yield Optional.of(query);
            }
            case CloseResult.Closed closed -> {
                PreparedStatement query = connection.prepareStatement(CLOSED);
                query.setInt(1, closed.rollCall().classId().value());
                query.setLong(2, closed.rollCall().closedAt().orElseThrow().toInstant().toEpochMilli());
                yield Optional.of(query);
            }
            case CheckInResult.Registered registered -> Optional.of(checkIn(connection, (Command.CheckIn) command));
            case CheckInResult.Replaced replaced -> Optional.of(checkIn(connection, (Command.CheckIn) command));
            default -> Optional.empty();
        };
    }

    private static PreparedStatement checkIn(Connection connection, Command.CheckIn command) throws SQLException {
        PreparedStatement query = connection.prepareStatement(CHECK_IN);
        query.setInt(1, command.attempt().classId().value());
        query.setString(2, command.attempt().matricula().value());
        query.setLong(3, command.attempt().at().toInstant().toEpochMilli());
        return query;
    }
}
