package chamada.web;

import chamada.server.ServerConfig;
import chamada.testing.TestPostgres;

/** {@link ApiTest} with the server on PostgreSQL: the same API, the same replies. */
class ApiOnPostgresTest extends ApiTest {

    @Override
    ServerConfig onStore(ServerConfig config) {
        return TestPostgres.onFreshDatabase(config);
    }
}
