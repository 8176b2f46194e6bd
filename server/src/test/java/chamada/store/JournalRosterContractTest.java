package chamada.store;

import chamada.roster.RosterStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded store, a SQLite file and its journal, keeps the roster rules. */
class JournalRosterContractTest extends RosterStoreContract {

    @TempDir
    Path folder;

    @Override
    protected ChamadaStore openStore() {
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }

    @Override
    protected ChamadaStore reopen(ChamadaStore store) {
        store.close();
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }
}
