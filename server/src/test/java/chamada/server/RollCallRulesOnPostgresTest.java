package chamada.server;

import chamada.testing.TestPostgres;

/** {@link RollCallRulesTest} with the server on PostgreSQL: every rule, the same replies. */
class RollCallRulesOnPostgresTest extends RollCallRulesTest {

    @Override
    ServerConfig onStore(ServerConfig config) {
        return TestPostgres.onFreshDatabase(config);
    }
}
