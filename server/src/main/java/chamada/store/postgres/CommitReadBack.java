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
 * <p>A transaction found committed only after its session was ended here is answered as
 * unknown: where a synchronous standby must have every commit, the session may have been waiting
 * for it (PostgreSQL counts such a transaction in progress), and ending it cuts that wait short,
 * with a warning, leaving the commit on the primary only. The caller then says "safe to retry"
 * rather than acknowledge a check-in that one machine holds (seen in
 * {@code deploy/failover-test.sh} with the standby's machine down).
 */
final class CommitReadBack {

    private static final Duration WAIT = Duration.ofSeconds(10);

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
             PreparedStatement end = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            connection.setAutoCommit(true);
            status.setLong(1, xid);
            end.setInt(1, backendPid);
            boolean ended = false;
            long deadline = System.nanoTime() + WAIT.toNanos();
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
                            end.execute();
                            ended = true;
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
}
