package chamada.server.legacy;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.server.ChamadaServer;
import chamada.server.ServerConfig;
import chamada.store.SqliteRollCallStore;
import chamada.testing.MutableClock;
import chamada.testing.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

/**
 * A real Chamada server with the legacy ports on, all on free loopback ports, its own SQLite
 * file and files folder, and a clock that stands at 09/03/2026 19:05 in São Paulo until moved.
 */
final class LegacyFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    /** 09/03/2026 às 19:05 in {@link #ZONE}. */
    static final Instant START = Instant.parse("2026-03-09T22:05:00Z");

    final MutableClock clock = new MutableClock(START, ZONE);
    final Path files;
    private final ChamadaServer server;

    private LegacyFixture(Path dir, UnaryOperator<ServerConfig> customize) {
        try {
            files = Files.createDirectories(dir.resolve("legacy-files"));
            ServerConfig config = ServerConfig.forTests(dir.resolve("chamada.db"))
                    .withLegacy(LegacyConfig.forTests(files));
            server = ChamadaServer.start(customize.apply(config), SqliteRollCallStore::open, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LegacyFixture start(Path dir) {
        return new LegacyFixture(dir, config -> config);
    }

    /** A server whose legacy test config is first changed by {@code customize}. */
    static LegacyFixture start(Path dir, UnaryOperator<ServerConfig> customize) {
        return new LegacyFixture(dir, customize);
    }

    ChamadaServer server() {
        return server;
    }

    int port(LegacyPort port) {
        return server.legacy().orElseThrow().address(port).getPort();
    }

    /** A raw client of a legacy port on 127.0.0.1. */
    RawClient connect(LegacyPort port) {
        return RawClient.connect(port(port));
    }

    /** A native client, as the CLI would use. */
    ChamadaClient nativeClient() {
        return ChamadaClient.connect("127.0.0.1", server.port(), Lang.PT_BR, TestServer.CLIENT_TIMEOUT);
    }

    @Override
    public void close() {
        server.close();
    }
}
