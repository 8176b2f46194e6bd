package chamada.server;

import chamada.testing.TestPostgres;

/** {@link MaterialsTest} with the server on PostgreSQL: the same files, the same rules. */
class MaterialsOnPostgresTest extends MaterialsTest {

    @Override
    ServerConfig onStore(ServerConfig config) {
        return TestPostgres.onFreshDatabase(config);
    }
}
