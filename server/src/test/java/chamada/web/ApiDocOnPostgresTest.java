package chamada.web;

import chamada.server.ServerConfig;
import chamada.testing.TestPostgres;

/** {@link ApiDocTest} with the server on PostgreSQL: the same document, the same replies. */
class ApiDocOnPostgresTest extends ApiDocTest {

    @Override
    ServerConfig onStore(ServerConfig config) {
        return TestPostgres.onFreshDatabase(config);
    }
}
