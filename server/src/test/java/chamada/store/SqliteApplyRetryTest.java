package chamada.store;

import chamada.i18n.Lang;
import chamada.rollcall.OpenResult;
import chamada.rollcall.StoreHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While another program holds the database locked, the journal goes on acknowledging writes,
 * the applier tries again every second, and the store says so through its health, naming the
 * file and what to check; once the lock goes, the writes are applied and the store is healthy.
 */
class SqliteApplyRetryTest {

    /** The applier gathers for a second, then waits out SQLite's busy timeout before it fails. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void health_whileAnotherProgramHoldsTheDatabaseLocked_isRetryingThenHealthyOnceItLetsGo() throws Exception {
        Path database = dir.resolve("chamada.db");
        try (SqliteRollCallStore store = SqliteRollCallStore.open(database, Stores.ZONE)) {
            try (Connection other = Connections.writer(database); Statement statement = other.createStatement()) {
                other.setAutoCommit(false);
                statement.executeUpdate("UPDATE journal_applied SET offset = offset WHERE id = 1"); // the write lock

                assertThat(await(store.open(classId(1), ANA, time(1_000)))).isInstanceOf(OpenResult.Opened.class);

                await().atMost(DEADLINE).until(() -> store.health() instanceof StoreHealth.Unhealthy unhealthy
                        && unhealthy.problem() == StoreProblem.APPLY_RETRYING);
                StoreHealth.Unhealthy retrying = (StoreHealth.Unhealthy) store.health();
                assertThat(retrying.message(Lang.EN)).contains(database.toString(), "the disk has room");
                assertThat(retrying.message(Lang.PT_BR)).contains(database.toString(), "o disco tem espaço");
                other.rollback();
            }

            await().atMost(DEADLINE).until(() -> store.health() instanceof StoreHealth.Healthy);
            assertThat(await(store.openRollCall(classId(1)))).isPresent();
            assertThat(await(store.history(classId(1)))).isEmpty();
        }
    }
}
