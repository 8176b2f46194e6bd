package chamada.store;

import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallStore.StoredRollCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.BRUNO;
import static chamada.store.Stores.await;
import static chamada.store.Stores.awaitFailure;
import static chamada.store.Stores.checkIn;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before the journal (schema version 1, no {@code journal_applied}) is
 * brought to version 2 when a store opens it, keeps its roll calls, and takes writes.
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
            new Migrations(List.of(new Migrations.Migration(1, "roll_calls", versionOneSql())))
                    .apply(connection, database());
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
        assertThat(schemaVersion()).isEqualTo(1);

        open().close();

        assertThat(schemaVersion()).isEqualTo(Migrations.bundled().latest()).isEqualTo(2);
        assertThat(Journals.applied(database())).isEqualTo(new JournalPosition(1, 0)); // where the journal goes on
    }

    @Test
    void open_versionOneDatabase_readsTheRollCallsItHeld() {
        try (SqliteRollCallStore store = open()) {
            assertThat(store.openRollCalls()).containsExactly(new StoredRollCall(OPEN_ID, new RollCall(classId(1010),
                    ANA, time(1_000), Optional.empty(), List.of(checkIn("042191010", 1_001), checkIn("42191010", 1_002)))));
            assertThat(await(store.closedRollCalls(classId(7)))).containsExactly(new RollCall(classId(7), BRUNO,
                    time(500), Optional.of(time(900)), List.of(checkIn("7", 600))));
            assertThat(await(store.history(classId(7))))
                    .containsExactly(new PastRollCall(classId(7), BRUNO, time(500), time(900), 1));
        }
    }

    @Test
    void write_intoAVersionOneDatabase_followsItsRollCallsAndIsKeptAcrossReopen() {
        try (SqliteRollCallStore store = open()) {
            assertThat(store.newRollCallId()).isGreaterThan(OPEN_ID);
            assertThat(awaitFailure(store.checkIn(OPEN_ID, checkIn("042191010", 1_100))))
                    .hasMessageContaining("already checked in");
            assertThat(awaitFailure(store.open(store.newRollCallId(), classId(1010), BRUNO, time(1_200))))
                    .hasMessageContaining("already has an open roll call");
            assertThat(awaitFailure(store.checkIn(CLOSED_ID, checkIn("8", 1_300)))).hasMessageContaining("closed");
            await(store.checkIn(OPEN_ID, checkIn("0", 1_400)));
            await(store.close(OPEN_ID, time(2_000)));
        }

        try (SqliteRollCallStore store = open()) {
            assertThat(store.openRollCalls()).isEmpty();
            assertThat(await(store.closedRollCalls(classId(1010)))).containsExactly(new RollCall(classId(1010), ANA,
                    time(1_000), Optional.of(time(2_000)),
                    List.of(checkIn("042191010", 1_001), checkIn("42191010", 1_002), checkIn("0", 1_400))));
        }
    }

    private int schemaVersion() throws SQLException {
        try (Connection connection = Connections.reader(database()); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** The first migration as shipped: the schema of every database written before the journal. */
    private static String versionOneSql() throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + Migrations.BUNDLED.getFirst())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
