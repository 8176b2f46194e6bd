package chamada.web;

import chamada.server.ServerConfig;
import chamada.testing.TestPostgres;

/** {@link MetricsTest} with the server on PostgreSQL: the same meters, the commit's time as the store's sync. */
class MetricsOnPostgresTest extends MetricsTest {

    @Override
    ServerConfig onStore(ServerConfig config) {
        return TestPostgres.onFreshDatabase(config);
    }

    @Override
    String storeKind() {
        return "postgres";
    }
}
