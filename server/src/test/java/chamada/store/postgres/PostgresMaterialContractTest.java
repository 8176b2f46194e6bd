package chamada.store.postgres;

import chamada.materials.MaterialStoreContract;
import chamada.store.ChamadaStore;
import chamada.testing.TestPostgres;

import java.util.Optional;

/** The PostgreSQL store keeps the class-material rules, each test on a fresh database. */
class PostgresMaterialContractTest extends MaterialStoreContract {

    private PostgresAddress database;

    @Override
    protected ChamadaStore openStore() {
        database = TestPostgres.freshDatabase();
        return PostgresStore.open(database, Optional.empty(), ZONE);
    }

    @Override
    protected ChamadaStore reopen(ChamadaStore store) {
        store.close();
        return PostgresStore.open(database, Optional.empty(), ZONE);
    }
}
