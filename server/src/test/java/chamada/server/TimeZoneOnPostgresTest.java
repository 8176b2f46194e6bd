package chamada.server;

import chamada.testing.TestPostgres;

/** {@link TimeZoneTest} with the server on PostgreSQL: the same times, read back the same. */
class TimeZoneOnPostgresTest extends TimeZoneTest {

    @Override
    ServerConfig onStore(ServerConfig config) {
        return TestPostgres.onFreshDatabase(config);
    }
}
