package chamada.store.postgres;

import chamada.i18n.Lang;
import chamada.store.SchemaVersion;
import chamada.store.StoreProblem;
import chamada.store.StoreUnavailableException;
import chamada.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upgrading a cluster: nodes starting at once on a new database migrate it once between them
 * (Flyway's lock), and a node of an older build refuses a database a newer one migrated, saying
 * so, and changes nothing.
 */
class PostgresSchemaVersionTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    @Test
    void nodesStartingAtOnce_migrateTheDatabaseOnce() {
        PostgresAddress database = TestPostgres.freshDatabase();
        List<CompletableFuture<PostgresStore>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> PostgresStore.open(database, Optional.empty(), ZONE)));
        }
        List<PostgresStore> nodes = starting.stream().map(CompletableFuture::join).toList();
        nodes.forEach(PostgresStore::close);

        assertThat(query(database, "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"))
                .isEqualTo(SchemaVersion.latest());
        assertThat(query(database, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")).isZero();
    }

    @Test
    void aDatabaseANewerBuildMigrated_isRefused_namingTheVersions_andNothingChanges() {
        PostgresAddress database = TestPostgres.freshDatabase();
        PostgresStore.open(database, Optional.empty(), ZONE).close();
        int newer = SchemaVersion.latest() + 1;
        execute(database, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (" + (newer + 100) + ", '" + newer
                + "', 'from a newer build', 'SQL', 'V" + newer + "__later.sql', 0, 'test', 0, true)");
        int rowsBefore = query(database, "SELECT COUNT(*) FROM flyway_schema_history");

        assertThatThrownBy(() -> PostgresStore.open(database, Optional.empty(), ZONE))
                .isInstanceOfSatisfying(StoreUnavailableException.class, refused -> {
                    assertThat(refused.problem()).isEqualTo(StoreProblem.POSTGRES_NEWER_SCHEMA);
                    assertThat(refused.message(Lang.EN)).contains("was brought to schema version " + newer
                            + " by a newer Chamada; this one knows up to " + SchemaVersion.latest());
                });
        assertThat(query(database, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(rowsBefore);
    }

    private static int query(PostgresAddress database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static void execute(PostgresAddress database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static Connection connect(PostgresAddress database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }
}
