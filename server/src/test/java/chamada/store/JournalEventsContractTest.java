package chamada.store;

import chamada.rollcall.RollCallEventsContract;
import chamada.rollcall.RollCallStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded store tells its live views what it made durable. */
class JournalEventsContractTest extends RollCallEventsContract {

    @TempDir
    Path folder;

    @Override
    protected RollCallStore openStore() {
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }
}
