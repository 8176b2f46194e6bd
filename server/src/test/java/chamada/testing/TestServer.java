package chamada.testing;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.server.ChamadaServer;
import chamada.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real Chamada server on a free loopback port with its own SQLite file, for tests.
 * Clients it hands out talk to it through the one client library.
 */
public final class TestServer implements AutoCloseable {

    public static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);

    private final ChamadaServer server;
    private final ServerConfig config;

    private TestServer(ServerConfig config, Clock clock) {
        this.config = config;
        try {
            this.server = ChamadaServer.start(config, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server with every default, its database in {@code dir}. */
    public static TestServer start(Path dir) {
        return start(dir, config -> config);
    }

    /** A server whose test config ({@link ServerConfig#forTests}) is first changed by {@code customize}. */
    public static TestServer start(Path dir, UnaryOperator<ServerConfig> customize) {
        return start(dir, customize, Clock.systemDefaultZone());
    }

    /** As {@link #start(Path, UnaryOperator)}, with the server's clock, so tests can know every time it gives. */
    public static TestServer start(Path dir, UnaryOperator<ServerConfig> customize, Clock clock) {
        return new TestServer(customize.apply(ServerConfig.forTests(dir.resolve("chamada.db"))), clock);
    }

    public ServerConfig config() {
        return config;
    }

    public int port() {
        return server.port();
    }

    public ChamadaServer server() {
        return server;
    }

    /** The web front's base address, {@code http://127.0.0.1:PORT}, for a server started with it on. */
    public String webBase() {
        return "http://127.0.0.1:" + server.web().orElseThrow(() -> new IllegalStateException("the web front is off"))
                .port();
    }

    /** A connected client whose server texts come back in {@code lang}. */
    public ChamadaClient client(Lang lang) {
        return ChamadaClient.connect("127.0.0.1", port(), lang, CLIENT_TIMEOUT);
    }

    public ChamadaClient client() {
        return client(Lang.EN);
    }

    @Override
    public void close() {
        server.close();
    }
}
