package chamada.store.postgres;

import chamada.rollcall.RollCallStore;
import chamada.rollcall.RollCallStoreContract;
import chamada.testing.TestPostgres;

import java.util.Optional;

/** The PostgreSQL store keeps the store contract, each test on a fresh database. */
class PostgresStoreContractTest extends RollCallStoreContract {

    private PostgresAddress database;

    @Override
    protected RollCallStore openStore() {
        database = TestPostgres.freshDatabase();
        return PostgresStore.open(database, Optional.empty(), ZONE);
    }

    @Override
    protected RollCallStore reopen(RollCallStore store) {
        store.close();
        return PostgresStore.open(database, Optional.empty(), ZONE);
    }
}
