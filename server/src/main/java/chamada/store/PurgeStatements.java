package chamada.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * What a retention purge deletes, in SQL both stores share: every roll call closed before the
 * cutoff, with its check-ins, replaced check-ins, statuses and audit records, and the class
 * messages sent before it. The store's
 * transaction must first allow the audit's removal (SQLite: the row of {@code purging};
 * PostgreSQL: {@code chamada.purging}).
 */
public final class PurgeStatements {

    private static final String OLD = "SELECT id FROM roll_calls WHERE closed_at IS NOT NULL AND closed_at < ?";
    private static final List<String> RECORDS = List.of(
            "DELETE FROM check_ins WHERE roll_call_id IN (" + OLD + ")",
            "DELETE FROM check_in_replacements WHERE roll_call_id IN (" + OLD + ")",
            "DELETE FROM statuses WHERE roll_call_id IN (" + OLD + ")",
            "DELETE FROM audit WHERE roll_call_id IN (" + OLD + ")");
    private static final String MESSAGES = "DELETE FROM messages WHERE at < ?";
    /** A question screen showing a message the purge deletes shows none. */
    private static final String UNSHOW = "UPDATE class_inboxes SET shown = NULL WHERE shown IN (SELECT id FROM messages"
            + " WHERE at < ?)";
    private static final String ROLL_CALLS = "DELETE FROM roll_calls WHERE closed_at IS NOT NULL AND closed_at < ?";

    private PurgeStatements() {
    }

    /**
     * Deletes the roll calls closed before {@code cutoff} (epoch milliseconds), first what
     * {@code extraTables} (each a statement with the same one parameter) and the shared tables
     * hold of them; answers how many roll calls.
     */
    public static int run(Connection connection, long cutoff, List<String> extraTables) throws SQLException {
        for (String delete : extraTables) {
            execute(connection, delete, cutoff);
        }
        for (String delete : RECORDS) {
            execute(connection, delete, cutoff);
        }
        execute(connection, UNSHOW, cutoff);
        execute(connection, MESSAGES, cutoff);
        return execute(connection, ROLL_CALLS, cutoff);
    }

    /** The roll calls a purge with {@code cutoff} deletes, as a subquery of one parameter. */
    public static String oldRollCalls() {
        return OLD;
    }

    private static int execute(Connection connection, String sql, long cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, cutoff);
            return statement.executeUpdate();
        }
    }
}
