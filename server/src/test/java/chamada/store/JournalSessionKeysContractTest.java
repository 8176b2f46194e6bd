package chamada.store;

import chamada.teachers.SessionKeys;
import chamada.teachers.SessionKeysContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded store keeps the session key contract: the key lives in its database. */
class JournalSessionKeysContractTest extends SessionKeysContract {

    @TempDir
    Path folder;

    @Override
    protected SessionKeys openStore(String name) {
        return SqliteRollCallStore.open(folder.resolve(name + ".db"), Stores.ZONE);
    }

    @Override
    protected void close(SessionKeys store) {
        ((SqliteRollCallStore) store).close();
    }
}
