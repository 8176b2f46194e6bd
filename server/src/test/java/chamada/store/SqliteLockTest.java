package chamada.store;

import chamada.testing.ChildServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One database, one server: the store locks {@code <db>.lock} from open to close, because
 * two servers sharing a file would hand out the same roll-call ids from their own counters.
 */
class SqliteLockTest {

    @TempDir
    Path dir;

    @Test
    void open_fileAlreadyOpenInThisProcess_isRefusedNamingTheFile() {
        Path file = dir.resolve("chamada.db");
        try (SqliteRollCallStore first = SqliteRollCallStore.open(file, Stores.ZONE)) {

            assertThatThrownBy(() -> SqliteRollCallStore.open(file, Stores.ZONE))
                    .isInstanceOfSatisfying(StoreUnavailableException.class,
                            e -> assertThat(e.problem()).isEqualTo(StoreProblem.IN_USE))
                    .hasMessage("The database " + file + " is in use by another Chamada server (it holds the lock on "
                            + file + ".lock); stop that server, or use another database file.");
            // The refused attempt left the first store alone.
            await(first.open(first.newRollCallId(), classId(1), ANA, time(1_000)));
        }
    }

    @Test
    void open_afterTheFirstStoreClosed_succeeds() {
        Path file = dir.resolve("chamada.db");
        SqliteRollCallStore.open(file, Stores.ZONE).close();

        try (SqliteRollCallStore again = SqliteRollCallStore.open(file, Stores.ZONE)) {
            await(again.open(again.newRollCallId(), classId(1), ANA, time(1_000)));
        }
        assertThat(DatabaseLock.fileOf(file)).isRegularFile();
    }

    @Test
    void open_throughASymbolicLink_sharesTheLockOfTheTarget() throws IOException {
        Path file = dir.resolve("chamada.db");
        try (SqliteRollCallStore first = SqliteRollCallStore.open(file, Stores.ZONE)) {
            Path link = Files.createSymbolicLink(dir.resolve("link.db"), file);

            assertThatThrownBy(() -> SqliteRollCallStore.open(link, Stores.ZONE))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("in use by another Chamada server");
        }
    }

    @Test
    void open_fileServedByAnotherProcess_isRefusedUntilThatProcessEnds() throws IOException {
        Path file = dir.resolve("chamada.db");
        try (ChildServer child = ChildServer.start(file)) {

            assertThatThrownBy(() -> SqliteRollCallStore.open(file, Stores.ZONE))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("in use by another Chamada server");

            child.kill(); // SIGKILL: the operating system releases the lock, nothing is left stale
        }
        SqliteRollCallStore.open(file, Stores.ZONE).close();
    }

    /**
     * A POSIX lock belongs to the process: closing any descriptor of the lock file releases
     * it. A refused second open in the same JVM must therefore not open the file at all.
     */
    @Test
    void open_refusedInThisProcess_keepsTheLockAgainstOtherProcesses() {
        Path file = dir.resolve("chamada.db");
        try (SqliteRollCallStore first = SqliteRollCallStore.open(file, Stores.ZONE)) {
            assertThatThrownBy(() -> SqliteRollCallStore.open(file, Stores.ZONE))
                    .isInstanceOf(StoreUnavailableException.class);

            assertThatThrownBy(() -> ChildServer.start(file).close())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("exited before it was ready");
        }
    }
}
