package chamada.store;

import chamada.rollcall.CheckInResult;
import chamada.rollcall.CloseResult;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.BRUNO;
import static chamada.store.Stores.await;
import static chamada.store.Stores.checkIn;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before the journal (schema version 1, no {@code journal_applied}), and
 * before Flyway, is brought to the latest version when a store opens it, keeps its roll calls,
 * and takes writes.
 */
class SqliteUpgradeTest {

    /** Still open when the old server stopped; two students with the same digits but for a leading zero. */
    private static final long OPEN_ID = 5;
    private static final long CLOSED_ID = 3;

    @TempDir
    Path dir;

    @BeforeEach
    void writeVersionOneDatabase() throws Exception {
        try (Connection connection = Connections.writer(database())) {
            OldRunner.write(connection, 1);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO roll_calls (id, class_id, teacher, opened_at, closed_at) VALUES"
                        + " (3, 7, 'bruno', 500, 900), (5, 1010, 'ana', 1000, NULL)");
                statement.executeUpdate("INSERT INTO check_ins (roll_call_id, seq, matricula, at) VALUES"
                        + " (3, 1, '7', 600), (5, 1, '042191010', 1001), (5, 2, '42191010', 1002)");
            }
        }
    }

    private Path database() {
        return dir.resolve("chamada.db");
    }

    private SqliteRollCallStore open() {
        return SqliteRollCallStore.open(database(), Stores.ZONE);
    }

    @Test
    void open_versionOneDatabase_migratesToTheLatestWithTheJournalAtItsStart() throws SQLException {
        assertThat(schemaVersion()).isEqualTo(new FileVersion(1, false));

        open().close();

        assertThat(schemaVersion()).isEqualTo(new FileVersion(Migrations.bundled().latest(), true));
        assertThat(Journals.applied(database())).isEqualTo(new JournalPosition(1, 0)); // where the journal goes on
    }

    @Test
    void open_versionOneDatabase_readsTheRollCallsItHeld() {
        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.openRollCall(classId(1010)))).hasValue(new RollCall(classId(1010), ANA, time(1_000),
                    Optional.empty(), List.of(checkIn("042191010", 1_001), checkIn("42191010", 1_002))));
            assertThat(await(store.closedRollCalls(classId(7)))).containsExactly(new RollCall(classId(7), BRUNO,
                    time(500), Optional.of(time(900)), List.of(checkIn("7", 600))));
            assertThat(await(store.history(classId(7))))
                    .containsExactly(new PastRollCall(3, classId(7), BRUNO, time(500), time(900), 1, Optional.empty()));
        }
    }

    @Test
    void write_intoAVersionOneDatabase_followsItsRollCallsAndIsKeptAcrossReopen() {
        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.checkIn(classId(1010), new Matricula("042191010"), time(1_100))))
                    .isEqualTo(new CheckInResult.AlreadyRegistered(classId(1010), time(1_001)));
            assertThat(await(store.open(classId(1010), BRUNO, time(1_200))))
                    .isEqualTo(new OpenResult.AlreadyOpen(classId(1010), time(1_000)));
            assertThat(await(store.checkIn(classId(7), new Matricula("8"), time(1_300))))
                    .isInstanceOf(CheckInResult.NotOpen.class);
            assertThat(await(store.checkIn(classId(1010), new Matricula("0"), time(1_400))))
                    .isInstanceOf(CheckInResult.Registered.class);
            assertThat(await(store.close(classId(1010), ANA, time(2_000)))).isInstanceOf(CloseResult.Closed.class);
            assertThat(await(store.open(classId(7), ANA, time(3_000)))).isInstanceOfSatisfying(OpenResult.Opened.class,
                    opened -> assertThat(opened.id()).isGreaterThan(Math.max(OPEN_ID, CLOSED_ID)));
        }

        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.openRollCall(classId(1010)))).isEmpty();
            assertThat(await(store.closedRollCalls(classId(1010)))).containsExactly(new RollCall(classId(1010), ANA,
                    time(1_000), Optional.of(time(2_000)),
                    List.of(checkIn("042191010", 1_001), checkIn("42191010", 1_002), checkIn("0", 1_400))));
            assertThat(await(store.openRollCall(classId(7)))).hasValueSatisfying(
                    rollCall -> assertThat(rollCall.openedAt()).isEqualTo(time(3_000)));
        }
    }

    private FileVersion schemaVersion() throws SQLException {
        try (Connection connection = Connections.reader(database())) {
            return FileVersion.of(connection, database());
        }
    }
}
