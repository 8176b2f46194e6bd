package chamada.store.postgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a transaction whose commit lost its connection was committed after all, asked of
 * PostgreSQL by its transaction id ({@code txid_status}, made for this). While it is still in
 * progress (the commit under way, or the session not yet aware that its client is gone), its
 * session is ended, so the answer, once given, cannot change.
 *
 * <p>A commit under way is first given {@link #LET_FINISH} to finish by itself; a session whose
 * COMMIT never arrived (idle in its transaction) is ended at once. One waiting for
 * a synchronous standby ({@code SyncRep}, which PostgreSQL counts in progress) has committed on
 * the primary only: it is answered unknown and left waiting, since ending its session would cut
 * the wait short, with a warning, and keep the commit on one machine. A transaction found
 * committed only after its session was ended is answered unknown too, as it may have been in
 * that wait. The caller then says "safe to retry" rather than acknowledge a check-in that one
 * machine holds (seen in {@code deploy/failover-test.sh} with the standby's machine down).
 */
final class CommitReadBack {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a commit under way may finish by itself before its session is ended. */
    private static final Duration LET_FINISH = Duration.ofSeconds(2);

    private CommitReadBack() {
    }

    /**
     * Whether the transaction {@code xid}, run by the session {@code backendPid}, committed; empty
     * if that cannot be known now (PostgreSQL unreachable, the id unknown to the server reached, as
     * after a failover to a standby that never saw it, or no answer in time).
     */
    static Optional<Boolean> committed(DataSource connections, long xid, int backendPid) {
        try (Connection connection = connections.getConnection();
             PreparedStatement status = connection.prepareStatement("SELECT txid_status(?)");
             PreparedStatement end = connection.prepareStatement("SELECT pg_terminate_backend(?)");
             PreparedStatement session = connection.prepareStatement(
                     "SELECT state, wait_event FROM pg_stat_activity WHERE pid = ?")) {
            connection.setAutoCommit(true);
            status.setLong(1, xid);
            end.setInt(1, backendPid);
            session.setInt(1, backendPid);
            boolean ended = false;
            long started = System.nanoTime();
            long deadline = started + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String state;
                try (ResultSet row = status.executeQuery()) {
                    row.next();
                    state = row.getString(1);
                }
                if (state == null) {
                    return Optional.empty();
                }
                switch (state) {
                    case "committed" -> {
                        return ended ? Optional.empty() : Optional.of(true);
                    }
                    case "aborted" -> {
                        return Optional.of(false);
                    }
                    default -> {
                        if (!ended) {
                            switch (activity(session)) {
                                case WAITING_FOR_STANDBY -> {
                                    return Optional.empty(); // left to finish once its standby is back: not ended
                                }
                                case COMMITTING -> {
                                    if (System.nanoTime() - started >= LET_FINISH.toNanos()) {
                                        end.execute();
                                        ended = true;
                                    }
                                }
                                case NOT_COMMITTING -> {
                                    end.execute(); // the COMMIT never reached it: nothing will finish by itself
                                    ended = true;
                                }
                            }
                        }
                        Thread.sleep(10);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What the session of a transaction still in progress is doing. */
    private enum Activity { WAITING_FOR_STANDBY, COMMITTING, NOT_COMMITTING }

    private static Activity activity(PreparedStatement session) throws SQLException {
        try (ResultSet row = session.executeQuery()) {
            if (!row.next()) {
                return Activity.COMMITTING; // ending as we look: its status settles in a moment
            }
            if ("SyncRep".equals(row.getString(2))) {
                return Activity.WAITING_FOR_STANDBY;
            }
            return "active".equals(row.getString(1)) ? Activity.COMMITTING : Activity.NOT_COMMITTING;
        }
    }
}
