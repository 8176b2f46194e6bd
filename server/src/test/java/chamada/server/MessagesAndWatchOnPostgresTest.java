package chamada.server;

import chamada.testing.TestPostgres;

/** {@link MessagesAndWatchTest} with the server on PostgreSQL: the same messages, the same events. */
class MessagesAndWatchOnPostgresTest extends MessagesAndWatchTest {

    @Override
    ServerConfig onStore(ServerConfig config) {
        return TestPostgres.onFreshDatabase(config);
    }
}
