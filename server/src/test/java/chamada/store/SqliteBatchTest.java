package chamada.store;

import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.classId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
        Path file = dir.resolve("chamada.db");
        connection = Connections.writer(file);
        Migrations.bundled().apply(connection, file);
        batch = new SqliteBatch(connection);
    }

    @AfterEach
    void closeFile() throws SQLException {
        batch.close();
        connection.close();
    }

    @Test
    void apply_goodBatch_appliesAllWritesInOrderAndRecordsThePosition() throws Exception {
        List<Write> writes = new ArrayList<>();
        writes.add(open(1));
        for (int i = 0; i < 200; i++) {
            writes.add(checkIn(1, "0" + i));
        }
        writes.add(close(1));

        batch.apply(writes, new JournalPosition(3, 4_096));

        assertThat(matriculas(1)).hasSize(200).startsWith("00", "01", "02").endsWith("0199");
        assertThat(batch.applied()).isEqualTo(new JournalPosition(3, 4_096));
    }

    /** Each way the schema can refuse a write, after a good one of each kind in the same batch. */
    enum Refusal {
        OPEN_WITH_AN_ID_TAKEN(open(1)),
        OPEN_OF_A_SECOND_ROLL_CALL_OF_THE_CLASS(open(2)),
        CHECK_IN_TWICE(checkIn(1, "0010")),
        CHECK_IN_INTO_NO_ROLL_CALL(checkIn(999, "0030")),
        CLOSE_OF_NO_ROLL_CALL(close(999)),
        CLOSE_OF_A_CLOSED_ROLL_CALL(close(3));

        final Write refused;

        Refusal(Write refused) {
            this.refused = refused;
        }
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void apply_batchWithAWriteTheSchemaRefuses_rollsBackWholeKeepsThePositionAndNamesTheWrite(Refusal refusal)
            throws Exception {
        batch.apply(List.of(open(1), checkIn(1, "0010"), open(3, 3), close(3)), new JournalPosition(1, 50));
        List<Write> writes = List.of(checkIn(1, "0020"), open(4, 2), refusal.refused, checkIn(1, "0040"), close(4));

        RefusedWriteException refused = catchThrowableOfType(RefusedWriteException.class,
                () -> batch.apply(writes, new JournalPosition(1, 100)));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.write()).isEqualTo(refusal.refused.toString());
        assertThat(refused).hasMessageContaining(refusal.refused.toString());
        assertThat(matriculas(1)).containsExactly("0010");
        assertThat(rollCallIds()).containsExactly(1L, 3L);
        assertThat(batch.applied()).isEqualTo(new JournalPosition(1, 50));
    }

    /** A multi-row insert refuses all its rows at once; the exception still names the one check-in. */
    @Test
    void apply_checkInRefusedInsideAMultiRowInsert_namesThatCheckIn() throws Exception {
        List<Write> writes = new ArrayList<>();
        writes.add(open(1));
        for (int i = 0; i < 3 * SqliteBatch.ROWS_PER_INSERT; i++) {
            writes.add(checkIn(1, Integer.toString(1_000 + i)));
        }
        Write twice = checkIn(1, "1010");
        writes.set(50, twice); // inside the first multi-row insert, after the first "1010"

        RefusedWriteException refused = catchThrowableOfType(RefusedWriteException.class,
                () -> batch.apply(writes, new JournalPosition(1, 10)));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.write()).isEqualTo("check-in of 1010 into roll call 1");
        assertThat(matriculas(1)).isEmpty();
    }

    @Test
    void apply_fileLockedByAnotherConnection_throwsAndLeavesNothingApplied() throws Exception {
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

    /** The rollback must not leave statements half bound, nor seqs counted for rows that were undone. */
    @Test
    void apply_afterARefusedBatch_statementsStillWorkAndSeqsGoOnFromTheFile() throws Exception {
        batch.apply(List.of(open(1), checkIn(1, "1")), new JournalPosition(1, 10));
        assertThatThrownBy(() -> batch.apply(List.of(checkIn(1, "2"), checkIn(1, "3"), checkIn(1, "1")),
                new JournalPosition(1, 20))).isInstanceOf(RefusedWriteException.class);

        batch.apply(List.of(checkIn(1, "2"), checkIn(1, "3"), close(1)), new JournalPosition(1, 30));

        assertThat(matriculas(1)).containsExactly("1", "2", "3");
        assertThat(seqs(1)).containsExactly(1L, 2L, 3L);
        assertThat(batch.applied()).isEqualTo(new JournalPosition(1, 30));
    }

    private static Write open(long id) {
        return open(id, 1);
    }

    private static Write open(long id, int classId) {
        return new Write.Open(id, classId(classId), ANA, 1_000);
    }

    private static Write checkIn(long rollCallId, String matricula) {
        return new Write.CheckIn(rollCallId, new Matricula(matricula), 2_000);
    }

    private static Write close(long id) {
        return new Write.Close(id, 3_000, Optional.empty());
    }

    private List<String> matriculas(long rollCallId) throws SQLException {
        return column("SELECT matricula FROM check_ins WHERE roll_call_id = " + rollCallId + " ORDER BY seq",
                rows -> rows.getString(1));
    }

    private List<Long> seqs(long rollCallId) throws SQLException {
        return column("SELECT seq FROM check_ins WHERE roll_call_id = " + rollCallId + " ORDER BY seq",
                rows -> rows.getLong(1));
    }

    private List<Long> rollCallIds() throws SQLException {
        return column("SELECT id FROM roll_calls ORDER BY id", rows -> rows.getLong(1));
    }

    private interface Column<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> column(String sql, Column<T> column) throws SQLException {
        List<T> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.add(column.read(rows));
            }
        }
        return result;
    }
}
