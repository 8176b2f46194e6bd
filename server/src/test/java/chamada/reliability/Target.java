package chamada.reliability;

import chamada.testing.ChildServer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

/** What a campaign kills: a server on the embedded store, a node on PostgreSQL, or PostgreSQL under a node. */
sealed interface Target extends AutoCloseable {

    /** Enough for the round's connections and the checker's, where the default allows 1,000 from one address. */
    int CONNECTIONS_PER_ADDRESS = 5_000;

    /** The native port of the server the load and the checker talk to. */
    int port();

    /** SIGKILL. */
    void kill() throws Exception;

    /** Starts again what {@link #kill} killed, on the same store. */
    void restart() throws Exception;

    /** Whether the server keeps its connections through a kill, so the load goes on against it. */
    boolean serverSurvives();

    /**
     * A server killed and started again on the same store: the embedded store (journal + SQLite),
     * or a node on PostgreSQL, whose database lives on ({@code underneath}, closed with it).
     */
    final class Server implements Target {
        private final String store;
        private final Path log;
        private final AutoCloseable underneath;
        private ChildServer server;

        private Server(String store, Path log, AutoCloseable underneath) throws IOException {
            this.store = store;
            this.log = log;
            this.underneath = underneath;
            this.server = ChildServer.start(store, CONNECTIONS_PER_ADDRESS, log);
        }

        static Server embedded(Path database, Path log) throws IOException {
            return new Server(database.toString(), log, () -> { });
        }

        static Server node(KillablePostgres postgres, Path log) throws IOException {
            return new Server(postgres.address().toString(), log, postgres);
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public void kill() {
            server.kill();
        }

        @Override
        public void restart() throws IOException {
            server = ChildServer.start(store, CONNECTIONS_PER_ADDRESS, log);
        }

        @Override
        public boolean serverSurvives() {
            return false;
        }

        @Override
        public void close() throws Exception {
            server.close();
            underneath.close();
        }
    }

    /** PostgreSQL under a node: the database is killed and started again, the node must serve again by itself. */
    final class Database implements Target {
        private final KillablePostgres postgres;
        private final ChildServer node;

        Database(KillablePostgres postgres, Path log) throws IOException {
            this.postgres = postgres;
            this.node = ChildServer.start(postgres.address().toString(), CONNECTIONS_PER_ADDRESS, log);
        }

        @Override
        public int port() {
            return node.port();
        }

        @Override
        public void kill() throws IOException, InterruptedException {
            postgres.kill();
        }

        @Override
        public void restart() throws IOException {
            postgres.restart();
        }

        @Override
        public boolean serverSurvives() {
            return true;
        }

        @Override
        public void close() throws IOException {
            node.close();
            postgres.close();
        }
    }

    /** How long the database stays dead while its node serves: none where the server itself died. */
    static Duration outage(Target target, SplittableRandom random) {
        return target.serverSurvives() ? Duration.ofMillis(random.nextInt(100, 1_500)) : Duration.ZERO;
    }
}
