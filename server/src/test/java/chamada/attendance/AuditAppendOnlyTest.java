package chamada.attendance;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.store.ChamadaStore;
import chamada.store.SqliteRollCallStore;
import chamada.store.postgres.PostgresAddress;
import chamada.store.postgres.PostgresStore;
import chamada.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit is append-only in the database itself: SQL that changes or removes a record is refused, on both stores. */
class AuditAppendOnlyTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final ClassId CLASS = new ClassId(1010);
    private static final TeacherName ANA = new TeacherName("ana");

    @TempDir
    Path dir;

    @Test
    void sqlite_updateOrDeleteOfAnAuditRecord_isRefused() throws SQLException {
        Path file = dir.resolve("chamada.db");
        try (ChamadaStore store = SqliteRollCallStore.open(file, ZONE)) {
            markOnce(store);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertRefused(connection);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO forgetting (id) VALUES (1)");
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit SET teacher = 'outro'"))
                        .as("not even inside a forget").isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit records are never changed");
                statement.executeUpdate("DELETE FROM forgetting");
            }
        }
    }

    @Test
    void postgres_updateOrDeleteOfAnAuditRecord_isRefused() throws SQLException {
        PostgresAddress database = TestPostgres.freshDatabase();
        try (ChamadaStore store = PostgresStore.open(database, Optional.empty(), ZONE)) {
            markOnce(store);
        }
        Properties user = new Properties();
        user.setProperty("user", database.user());
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), user)) {
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("TRUNCATE audit")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit records are never changed or removed");
            }
            assertRefused(connection);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL chamada.forgetting = 'on'");
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit SET teacher = 'outro'"))
                        .as("not even inside a forget").isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit records are never changed");
            } finally {
                connection.rollback();
            }
        }
    }

    private static void markOnce(ChamadaStore store) {
        OffsetDateTime now = OffsetDateTime.now(ZONE);
        store.open(CLASS, ANA, CheckInRules.none(), now).join();
        assertThat(store.mark(new Mark(CLASS, Optional.empty(), new Matricula("7"), AttendanceStatus.PRESENT,
                new Reason("esqueceu"), ANA, now, Duration.ofDays(7), false)).join())
                .isInstanceOf(MarkResult.Marked.class);
    }

    private static void assertRefused(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit SET reason = 'rewritten'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("audit records are never changed");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("audit records are never");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit SET matricula = '8'"))
                    .as("only a forget changes a matrícula").isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit records are never changed");
            try (var rows = statement.executeQuery("SELECT reason FROM audit")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("esqueceu");
            }
        }
    }
}
