package chamada.store.postgres;

import chamada.rollcall.RollCallEventsContract;
import chamada.rollcall.RollCallStore;
import chamada.testing.TestPostgres;

import java.util.Optional;

/** The PostgreSQL store tells this node's live views what it committed. */
class PostgresEventsContractTest extends RollCallEventsContract {

    @Override
    protected RollCallStore openStore() {
        return PostgresStore.open(TestPostgres.freshDatabase(), Optional.empty(), ZONE);
    }
}
