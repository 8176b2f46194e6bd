package chamada.store;

import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.classId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One batch, committed directly on the test thread, so the batch's contents are exact:
 * no timing decides which writes share a transaction.
 */
class SqliteGroupCommitTest {

    @TempDir
    Path dir;

    private Connection connection;
    private WriteCounters counters;
    private GroupCommit groupCommit;

    @BeforeEach
    void openFile() throws SQLException {
        connection = Connections.writer(dir.resolve("chamada.db"));
        Migrations.bundled().apply(connection, dir);
        counters = new WriteCounters();
        groupCommit = new GroupCommit(connection, counters);
    }

    @AfterEach
    void closeFile() throws SQLException {
        groupCommit.close();
        connection.close();
    }

    @Test
    void commit_goodBatch_usesOneCommitForAllWrites() throws SQLException {
        List<Write> batch = new ArrayList<>();
        batch.add(open(1));
        for (int i = 0; i < 200; i++) {
            batch.add(checkIn(1, "0" + i));
        }
        batch.add(close(1));

        groupCommit.commit(batch);

        assertThat(batch).allMatch(w -> w.done().isDone() && !w.done().isCompletedExceptionally());
        assertThat(counters.snapshot()).isEqualTo(new WriteStats(202, 0, 1));
        assertThat(matriculas(1)).hasSize(200).startsWith("00", "01", "02").endsWith("0199");
    }

    @Test
    void commit_batchWithBadWrites_failsOnlyThoseAndCommitsTheRestInOrder() throws SQLException {
        List<Write> batch = List.of(
                open(1),
                checkIn(1, "0010"),
                checkIn(999, "0020"),  // no such roll call
                checkIn(1, "0010"),    // already present: primary key
                open(1),               // id taken: primary key
                checkIn(1, "0030"),
                close(1),
                close(1));             // already closed

        groupCommit.commit(batch);

        assertThat(batch).extracting(w -> w.done().isCompletedExceptionally())
                .containsExactly(false, false, true, true, true, false, false, true);
        assertThat(matriculas(1)).containsExactly("0010", "0030");
        assertThat(counters.snapshot()).isEqualTo(new WriteStats(4, 4, 4));
    }

    @Test
    void commit_checkInSubmittedBeforeItsRollCallsOpen_failsWhileTheSameAfterItSucceeds() {
        List<Write> batch = List.of(checkIn(2, "1"), open(2), checkIn(2, "1"));

        groupCommit.commit(batch);

        assertThat(batch).extracting(w -> w.done().isCompletedExceptionally()).containsExactly(true, false, false);
    }

    @ParameterizedTest(name = "with a failing write: {0}")
    @ValueSource(booleans = {false, true})
    void commit_completesFuturesInSubmissionOrder(boolean withFailure) {
        List<Integer> completed = new CopyOnWriteArrayList<>();
        List<Write> batch = new ArrayList<>();
        batch.add(open(1));
        for (int i = 0; i < 100; i++) {
            batch.add(checkIn(1, Integer.toString(i)));
        }
        if (withFailure) {
            batch.add(50, checkIn(5, "1")); // no such roll call: the batch is retried write by write
        }
        batch.add(close(1));
        for (int i = 0; i < batch.size(); i++) {
            int position = i;
            batch.get(i).done().whenComplete((ok, failure) -> completed.add(position));
        }

        groupCommit.commit(batch);

        assertThat(completed).hasSize(batch.size()).isSorted();
        assertThat(counters.snapshot().failed()).isEqualTo(withFailure ? 1 : 0);
    }

    @Test
    void commit_afterAFailedBatch_statementsStillWork() throws SQLException {
        groupCommit.commit(List.of(open(1), checkIn(1, "1"), checkIn(1, "1")));

        groupCommit.commit(List.of(checkIn(1, "2"), checkIn(1, "3")));

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
