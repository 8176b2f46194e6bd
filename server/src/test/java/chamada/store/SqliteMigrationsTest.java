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

/**
 * Versioned schema migrations, with Flyway: applied once, in order, each all or nothing; and a
 * file written before Chamada used Flyway goes on from the version its own table kept.
 */
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
        try (Connection connection = Connections.writer(file())) {
            Migrations migrations = Migrations.bundled();

            assertThat(migrations.apply(connection, file())).isZero();
            assertThat(FileVersion.of(connection, file())).isEqualTo(new FileVersion(migrations.latest(), true));
            assertThat(count(connection, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(migrations.latest());
        }
    }

    @Test
    void apply_upToDateFile_appliesNothing() throws Exception {
        try (Connection connection = Connections.writer(file())) {
            Migrations migrations = Migrations.bundled();
            migrations.apply(connection, file());

            assertThat(migrations.apply(connection, file())).isEqualTo(migrations.latest());
            assertThat(count(connection, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(migrations.latest());
        }
    }

    @Test
    void apply_newMigration_runsOnlyThatOne() throws Exception {
        try (Connection connection = Connections.writer(file())) {
            new Migrations("classpath:db/sqlite-tests/one", List.of("V1__first.sql")).apply(connection, file());
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO a VALUES (7)");
            }

            int found = new Migrations("classpath:db/sqlite-tests/two", List.of("V1__first.sql", "V2__second.sql"))
                    .apply(connection, file());

            assertThat(found).isEqualTo(1);
            assertThat(count(connection, "SELECT x FROM a")).isEqualTo(7);
            assertThat(count(connection, "SELECT COUNT(*) FROM b")).isEqualTo(1);
            assertThat(FileVersion.of(connection, file()).version()).isEqualTo(2);
        }
    }

    @Test
    void apply_failingMigration_leavesTheFileAtThePreviousVersion() throws Exception {
        try (Connection connection = Connections.writer(file())) {
            Migrations migrations = new Migrations("classpath:db/sqlite-tests/failing",
                    List.of("V1__good.sql", "V2__bad.sql"));

            assertThatThrownBy(() -> migrations.apply(connection, file()))
                    .isInstanceOfSatisfying(StoreUnavailableException.class,
                            e -> assertThat(e.problem()).isEqualTo(StoreProblem.MIGRATION_FAILED))
                    .hasMessageContaining("schema migration V2__bad failed")
                    .hasMessageContaining("left at schema version 1");
            assertThat(FileVersion.of(connection, file()).version()).isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'b'")).isZero();
        }
    }

    @Test
    void apply_fileOfTheOldRunnerAtTheLatestVersion_keepsItsDataAndAppliesNothing() throws Exception {
        try (Connection connection = Connections.writer(file())) {
            OldRunner.write(connection, Migrations.BUNDLED.size());
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO roll_calls (id, class_id, teacher, opened_at) VALUES (5, 1010, 'ana', 1)");
            }

            assertThat(Migrations.bundled().apply(connection, file())).isEqualTo(Migrations.BUNDLED.size());

            assertThat(FileVersion.of(connection, file())).isEqualTo(new FileVersion(Migrations.BUNDLED.size(), true));
            assertThat(count(connection, "SELECT COUNT(*) FROM flyway_schema_history")).as("the baseline only").isEqualTo(1);
            assertThat(count(connection, "SELECT id FROM roll_calls")).isEqualTo(5);
        }
    }

    @Test
    void constructor_versionsNotConsecutive_isRefused() {
        assertThatThrownBy(() -> new Migrations("classpath:db/migration", List.of("V1__a.sql", "V3__c.sql")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[V1__a.sql, V3__c.sql]");
    }

    private Path file() {
        return dir.resolve("m.db");
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
