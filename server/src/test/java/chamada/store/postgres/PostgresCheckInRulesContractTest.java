package chamada.store.postgres;

import chamada.rollcall.CheckInRulesContract;
import chamada.rollcall.RollCallStore;
import chamada.testing.TestPostgres;

import java.util.Optional;

/** The PostgreSQL store keeps the check-in rules, each test on a fresh database. */
class PostgresCheckInRulesContractTest extends CheckInRulesContract {

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
