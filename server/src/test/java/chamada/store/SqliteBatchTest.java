package chamada.store;

import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.classId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One batch, applied directly on the test thread, so the batch's contents are exact:
 * no timing decides which writes share a transaction.
 */
class SqliteBatchTest {

    @TempDir
    Path dir;

    private Connection connection;
    private SqliteBatch batch;

    @BeforeEach
    void openFile() throws SQLException {
        connection = Connections.writer(dir.resolve("chamada.db"));
        Migrations.bundled().apply(connection, dir);
        batch = new SqliteBatch(connection);
    }

    @AfterEach
    void closeFile() throws SQLException {
        batch.close();
        connection.close();
    }

    @Test
    void apply_goodBatch_appliesAllWritesInOrderAndRecordsThePosition() throws SQLException {
        List<Write> writes = new ArrayList<>();
        writes.add(open(1));
        for (int i = 0; i < 200; i++) {
            writes.add(checkIn(1, "0" + i));
        }
        writes.add(close(1));

        int refused = batch.apply(writes, new JournalPosition(3, 4_096));

        assertThat(refused).isZero();
        assertThat(matriculas(1)).hasSize(200).startsWith("00", "01", "02").endsWith("0199");
        assertThat(batch.applied()).isEqualTo(new JournalPosition(3, 4_096));
    }

    @Test
    void apply_batchWithWritesTheSchemaRefuses_leavesOnlyThoseOutAndAppliesTheRestInOrder() throws SQLException {
        List<Write> writes = List.of(
                open(1),
                checkIn(1, "0010"),
                checkIn(999, "0020"),  // no such roll call
                checkIn(1, "0010"),    // already present: primary key
                open(1),               // id taken: primary key
                checkIn(1, "0030"),
                close(1),
                close(1));             // already closed

        int refused = batch.apply(writes, new JournalPosition(1, 100));

        assertThat(refused).isEqualTo(4);
        assertThat(matriculas(1)).containsExactly("0010", "0030");
        assertThat(batch.applied()).isEqualTo(new JournalPosition(1, 100));
    }

    @Test
    void apply_checkInBeforeItsRollCallsOpen_isRefusedWhileTheSameAfterItIsApplied() throws SQLException {
        int refused = batch.apply(List.of(checkIn(2, "1"), open(2), checkIn(2, "1")), new JournalPosition(1, 10));

        assertThat(refused).isEqualTo(1);
        assertThat(matriculas(2)).containsExactly("1");
    }

    @Test
    void apply_fileLockedByAnotherConnection_throwsAndLeavesNothingApplied() throws SQLException {
        batch.apply(List.of(open(1)), new JournalPosition(1, 10));
        try (Connection other = Connections.writer(dir.resolve("chamada.db"));
             Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.executeUpdate("UPDATE journal_applied SET offset = offset WHERE id = 1"); // holds the write lock
            connection.createStatement().execute("PRAGMA busy_timeout = 0");

            assertThatThrownBy(() -> batch.apply(List.of(checkIn(1, "7")), new JournalPosition(1, 20)))
                    .isInstanceOf(SQLException.class);
            other.rollback();
        }
        assertThat(matriculas(1)).isEmpty();
        assertThat(batch.applied()).isEqualTo(new JournalPosition(1, 10));
    }

    @Test
    void apply_afterARefusedWrite_statementsStillWork() throws SQLException {
        batch.apply(List.of(open(1), checkIn(1, "1"), checkIn(1, "1")), new JournalPosition(1, 10));

        batch.apply(List.of(checkIn(1, "2"), checkIn(1, "3")), new JournalPosition(1, 20));

        assertThat(matriculas(1)).containsExactly("1", "2", "3");
    }

    private static Write open(long id) {
        return new Write.Open(id, classId(1), ANA, 1_000, new CompletableFuture<>());
    }

    private static Write checkIn(long rollCallId, String matricula) {
        return new Write.CheckIn(rollCallId, new Matricula(matricula), 2_000, new CompletableFuture<>());
    }

    private static Write close(long id) {
        return new Write.Close(id, 3_000, new CompletableFuture<>());
    }

    private List<String> matriculas(long rollCallId) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT matricula FROM check_ins WHERE roll_call_id = " + rollCallId + " ORDER BY seq")) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }
}
