package chamada.store.postgres;

import java.sql.SQLException;

/**
 * Whether a failure means the pooled connection was dead before it was used: PostgreSQL
 * restarted or ended the session (SQLSTATE class 08, or 57P01-57P03), so nothing done on it
 * was kept and the pool has dropped it. One more try, on a new connection, is then safe.
 */
final class StaleConnections {

    private StaleConnections() {
    }

    static boolean stale(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
