package chamada.store;

import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.classId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A batch whose rollback finds SQLite has already rolled the transaction back by itself, as it
 * may on a full disk or an I/O error: the driver's rollback then fails on "no transaction is
 * active" and begins no transaction. The writes after it must still commit as one. No full
 * disk is needed: the connection's rollback ends SQLite's transaction first, then lets the
 * driver fail on its own.
 */
class SqliteBatchRollbackTest {

    /** Which rollback of a refused batch finds no transaction. */
    enum FailingRollback {
        THE_BATCH(1),
        THE_ONE_AT_A_TIME_RUN(2);

        final int number;

        FailingRollback(int number) {
            this.number = number;
        }
    }

    @TempDir
    Path dir;

    private Path file;
    private Connection real;
    private final AtomicInteger rollbacks = new AtomicInteger();
    private int failing;
    private SqliteBatch batch;

    @BeforeEach
    void openFile() throws SQLException {
        file = dir.resolve("chamada.db");
        real = Connections.writer(file);
        Migrations.bundled().apply(real, file);
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("rollback") && args == null
                            && rollbacks.incrementAndGet() == failing) {
                        try (Statement statement = real.createStatement()) {
                            statement.execute("ROLLBACK");
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        batch = new SqliteBatch(connection);
    }

    @AfterEach
    void closeFile() throws SQLException {
        batch.close();
        real.close();
    }

    @ParameterizedTest
    @EnumSource
    void apply_afterSqliteRolledBackByItself_nextWritesAreInATransaction(FailingRollback rollback)
            throws Exception {
        failing = rollback.number;
        RefusedWriteException refusal = catchThrowableOfType(RefusedWriteException.class,
                () -> batch.apply(List.of(open(1, 1), checkIntoNoRollCall()), new JournalPosition(1, 0)));
        assertThat(refusal.getCause().getSuppressed())
                .anySatisfy(failed -> assertThat(failed).hasMessageContaining("no transaction is active"));

        // In auto-commit the open would stay, without the check-in refused after it.
        catchThrowableOfType(RefusedWriteException.class,
                () -> batch.apply(List.of(open(2, 2), checkIntoNoRollCall()), new JournalPosition(2, 0)));
        batch.apply(List.of(open(3, 3)), new JournalPosition(3, 0));

        assertThat(committedRollCalls()).containsExactly(3L);
        assertThat(batch.applied()).isEqualTo(new JournalPosition(3, 0));
    }

    private static Write open(long id, int classId) {
        return new Write.Open(id, classId(classId), ANA, 1_000);
    }

    private static Write checkIntoNoRollCall() {
        return new Write.CheckIn(999, new Matricula("0001"), 2_000);
    }

    /** What another connection sees: only what was committed. */
    private List<Long> committedRollCalls() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection reader = Connections.reader(file); Statement statement = reader.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM roll_calls ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
