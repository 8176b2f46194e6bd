package chamada.store.postgres;

import chamada.teachers.SessionKeys;
import chamada.teachers.SessionKeysContract;
import chamada.testing.TestPostgres;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The PostgreSQL store keeps the session key contract: every node reads the one key in the database. */
class PostgresSessionKeysContractTest extends SessionKeysContract {

    private final Map<String, PostgresAddress> databases = new HashMap<>();

    @Override
    protected SessionKeys openStore(String name) {
        PostgresAddress database = databases.computeIfAbsent(name, n -> TestPostgres.freshDatabase());
        return PostgresStore.open(database, Optional.empty(), ZoneId.of("America/Sao_Paulo"));
    }

    @Override
    protected void close(SessionKeys store) {
        ((PostgresStore) store).close();
    }
}
