package chamada.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versioned schema migrations: applied once, in order, each all or nothing. */
class SqliteMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void bundled_listsEveryFileOfTheMigrationDirectoryInOrder() throws IOException {
        // Maven runs the server's tests from the repository's top (server/pom.xml says why).
        try (Stream<Path> files = Files.list(Path.of("server/src/main/resources/db/migration"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(Migrations.BUNDLED).containsExactlyInAnyOrderElementsOf(names);
        }
        assertThat(Migrations.bundled().latest()).isEqualTo(Migrations.BUNDLED.size());
    }

    @Test
    void apply_freshFile_recordsEveryVersionAndReportsZeroFound() throws Exception {
        try (Connection connection = Connections.writer(dir.resolve("m.db"))) {
            Migrations migrations = Migrations.bundled();

            assertThat(migrations.apply(connection, dir)).isZero();
            assertThat(versions(connection)).isEqualTo(migrations.latest());
        }
    }

    @Test
    void apply_upToDateFile_appliesNothing() throws Exception {
        try (Connection connection = Connections.writer(dir.resolve("m.db"))) {
            Migrations migrations = Migrations.bundled();
            migrations.apply(connection, dir);

            assertThat(migrations.apply(connection, dir)).isEqualTo(migrations.latest());
            assertThat(versions(connection)).isEqualTo(migrations.latest());
        }
    }

    @Test
    void apply_newMigration_runsOnlyThatOne() throws Exception {
        try (Connection connection = Connections.writer(dir.resolve("m.db"))) {
            Migrations.Migration first = new Migrations.Migration(1, "first", "CREATE TABLE a (x INTEGER);");
            new Migrations(List.of(first)).apply(connection, dir);

            int found = new Migrations(List.of(first, new Migrations.Migration(2, "second",
                    "CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (1);"))).apply(connection, dir);

            assertThat(found).isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM b")).isEqualTo(1);
            assertThat(versions(connection)).isEqualTo(2);
        }
    }

    @Test
    void apply_failingMigration_leavesTheFileAtThePreviousVersion() throws Exception {
        try (Connection connection = Connections.writer(dir.resolve("m.db"))) {
            Migrations migrations = new Migrations(List.of(
                    new Migrations.Migration(1, "good", "CREATE TABLE a (x INTEGER);"),
                    new Migrations.Migration(2, "bad", "CREATE TABLE b (y INTEGER);\nINSERT INTO missing VALUES (1);")));

            assertThatThrownBy(() -> migrations.apply(connection, dir))
                    .isInstanceOfSatisfying(StoreUnavailableException.class,
                            e -> assertThat(e.problem()).isEqualTo(StoreProblem.MIGRATION_FAILED))
                    .hasMessageContaining("schema migration V2__bad failed")
                    .hasMessageContaining("left at schema version 1");
            assertThat(versions(connection)).isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'b'")).isZero();
        }
    }

    @Test
    void constructor_versionsNotConsecutive_isRefused() {
        assertThatThrownBy(() -> new Migrations(List.of(
                new Migrations.Migration(1, "a", "SELECT 1;"), new Migrations.Migration(3, "c", "SELECT 1;"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 3]");
    }

    private static int versions(Connection connection) throws SQLException {
        return count(connection, "SELECT MAX(version) FROM schema_version");
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
