package chamada.store;

import chamada.teachers.AccountStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded store keeps the rules of teachers' accounts and class assignments. */
class JournalAccountContractTest extends AccountStoreContract {

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
