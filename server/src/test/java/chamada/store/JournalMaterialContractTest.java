package chamada.store;

import chamada.materials.MaterialStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded store, a SQLite file and its journal, keeps the class-material rules. */
class JournalMaterialContractTest extends MaterialStoreContract {

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
