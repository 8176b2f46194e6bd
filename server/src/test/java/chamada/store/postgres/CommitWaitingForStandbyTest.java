package chamada.store.postgres;

import chamada.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commit still waiting for a synchronous standby has committed on the primary only: read back,
 * it is unknown, not made, so its callers are told to retry rather than told it is safe; and its
 * session is left waiting, so the commit reaches the standby once there is one. The test names a
 * standby that never comes, for the server of the test JVM, then none again, which ends the wait.
 * (Before the fix the read back ended the session, which cut the wait short, and said "made".)
 */
class CommitWaitingForStandbyTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void aCommitWaitingForItsStandby_isNotReadBackAsMade() throws Exception {
        PostgresAddress database = TestPostgres.freshDatabase();
        PGSimpleDataSource connections = connections(database);
        try (Connection admin = connections.getConnection(); Statement settings = admin.createStatement();
             Connection waiting = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
             Statement write = waiting.createStatement()) {
            write.execute("CREATE TABLE t (x INTEGER)");
            write.execute("SET synchronous_commit = on"); // the test server's default is off, for speed
            try {
                settings.execute("ALTER SYSTEM SET synchronous_standby_names = 'a_standby_that_never_comes'");
                settings.execute("SELECT pg_reload_conf()");
                await().atMost(WITHIN).until(() -> single(write, "SHOW synchronous_standby_names")
                        .equals("a_standby_that_never_comes"));
                waiting.setAutoCommit(false);
                long xid = Long.parseLong(single(write, "SELECT txid_current()"));
                int pid = Integer.parseInt(single(write, "SELECT pg_backend_pid()"));
                write.execute("INSERT INTO t VALUES (1)");
                CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
                    try {
                        waiting.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                await().atMost(WITHIN).until(() -> single(settings,
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + pid + " AND wait_event = 'SyncRep'")
                        .equals("1"));
                assertThat(single(settings, "SELECT txid_status(" + xid + ")")).isEqualTo("in progress");

                assertThat(CommitReadBack.committed(connections, xid, pid)).isEmpty();

                assertThat(single(settings, "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + pid
                        + " AND wait_event = 'SyncRep'")).as("left waiting for its standby, not ended").isEqualTo("1");
                settings.execute("ALTER SYSTEM RESET synchronous_standby_names");
                settings.execute("SELECT pg_reload_conf()");
                commit.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
                assertThat(single(settings, "SELECT txid_status(" + xid + ")")).isEqualTo("committed");
            } finally {
                settings.execute("ALTER SYSTEM RESET synchronous_standby_names");
                settings.execute("SELECT pg_reload_conf()");
            }
        }
    }

    @Test
    void aSessionWhoseCommitNeverArrived_isEndedAtOnce_andReadBackAsNotMade() throws Exception {
        PostgresAddress database = TestPostgres.freshDatabase();
        PGSimpleDataSource connections = connections(database);
        try (Connection admin = connections.getConnection(); Statement settings = admin.createStatement();
             Connection idle = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
             Statement write = idle.createStatement()) {
            write.execute("CREATE TABLE t (x INTEGER)");
            idle.setAutoCommit(false);
            long xid = Long.parseLong(single(write, "SELECT txid_current()"));
            int pid = Integer.parseInt(single(write, "SELECT pg_backend_pid()"));
            write.execute("INSERT INTO t VALUES (1)");

            assertThat(CommitReadBack.committed(connections, xid, pid)).hasValue(false);

            await().atMost(WITHIN).until(() -> single(settings,
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + pid).equals("0"));
            assertThat(single(settings, "SELECT COUNT(*) FROM t")).isEqualTo("0");
        }
    }

    private static PGSimpleDataSource connections(PostgresAddress database) {
        PGSimpleDataSource connections = new PGSimpleDataSource();
        connections.setURL(database.jdbcUrl());
        connections.setUser(database.user());
        return connections;
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
