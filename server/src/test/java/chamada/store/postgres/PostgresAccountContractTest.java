package chamada.store.postgres;

import chamada.store.ChamadaStore;
import chamada.teachers.AccountStoreContract;
import chamada.testing.TestPostgres;

import java.util.Optional;

/** The PostgreSQL store keeps the rules of teachers' accounts and class assignments, each test on a fresh database. */
class PostgresAccountContractTest extends AccountStoreContract {

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
