package chamada.server;

import chamada.testing.TestPostgres;

/** {@link ProtocolDocTest} with the server on PostgreSQL: the same document, the same replies. */
class ProtocolDocOnPostgresTest extends ProtocolDocTest {

    @Override
    ServerConfig onStore(ServerConfig config) {
        return TestPostgres.onFreshDatabase(config);
    }
}
