package chamada.store;

import chamada.rollcall.CheckInRulesContract;
import chamada.rollcall.RollCallStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded store, a SQLite file and its journal, keeps the check-in rules. */
class JournalCheckInRulesContractTest extends CheckInRulesContract {

    @TempDir
    Path folder;

    @Override
    protected RollCallStore openStore() {
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }

    @Override
    protected RollCallStore reopen(RollCallStore store) {
        store.close();
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }
}
