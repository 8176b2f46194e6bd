package chamada.server.legacy;

import chamada.protocol.legacy.MessageFraming;
import chamada.server.ChamadaServer;
import chamada.server.ServerConfig;
import chamada.store.SqliteRollCallStore;
import chamada.testing.CapturedLog;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Turning the legacy ports on, binding them, saying where they are, and stopping them. */
class LegacyLifecycleTest {

    private static final String SHUTTING_DOWN = "O servidor está sendo desligado; a conexão foi encerrada."
            + " Tente novamente em instantes.";

    @TempDir
    Path dir;

    @Test
    void legacy_isOffByDefault() {
        try (TestServer server = TestServer.start(dir)) {
            assertThat(server.server().legacy()).isEmpty();
        }
    }

    @Test
    void start_bindsThreeLoopbackPorts_createsTheFilesFolder_andLogsWhere() {
        Path folder = dir.resolve("new").resolve("files");
        try (CapturedLog log = CapturedLog.of(LegacyServer.class);
             LegacyFixture server = LegacyFixture.start(dir,
                     config -> config.withLegacy(LegacyConfig.forTests(folder)))) {
            LegacyServer legacy = server.server().legacy().orElseThrow();
            Set<Integer> ports = Stream.of(LegacyPort.values()).map(legacy::address)
                    .peek(address -> assertThat(address.getAddress().isLoopbackAddress()).isTrue())
                    .map(InetSocketAddress::getPort).collect(Collectors.toSet());

            assertThat(ports).hasSize(3).doesNotContain(server.server().port());
            assertThat(Files.isDirectory(folder)).isTrue();
            assertThat(legacy.filesFolder()).isEqualTo(folder.toAbsolutePath());
            assertThat(log.lines()).contains("INFO Legacy protocols: roll call on " + legacy.address(LegacyPort.ROLL_CALL)
                    + ", messages on " + legacy.address(LegacyPort.MESSAGES)
                    + ", file download on " + legacy.address(LegacyPort.FILES) + "; files from " + folder.toAbsolutePath());
        }
    }

    @Test
    void close_tellsIdleLegacyClientsAndClosesThem() {
        LegacyFixture server = LegacyFixture.start(dir);
        try (RawClient rollCall = server.connect(LegacyPort.ROLL_CALL);
             RawClient messages = server.connect(LegacyPort.MESSAGES);
             RawClient files = server.connect(LegacyPort.FILES)) {
            rollCall.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            messages.send(MessageFraming.header(2)).send("oi").expect("Msg received");
            files.expect("-- OPÇÕES ENCONTRADAS -- \n\n\nQual deles deseja baixar? ");

            server.close();

            for (RawClient client : new RawClient[] {rollCall, messages, files}) {
                assertThat(client.readToEnd()).isEqualTo(SHUTTING_DOWN);
            }
        }
    }

    @Test
    void legacyPortTaken_failsTheStartNamingTheOption_andFreesTheNativePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int nativePort;
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                nativePort = probe.getLocalPort();
            }
            ServerConfig base = ServerConfig.forTests(dir.resolve("chamada.db"));
            ServerConfig config = new ServerConfig(base.bind(), nativePort, base.database(), base.teachersFile(),
                    base.maxLineBytes(), base.idleTimeout(), base.maxConnectionsPerAddress(), base.lang())
                    .withLegacy(new LegacyConfig(InetAddress.getLoopbackAddress(), 0, taken.getLocalPort(), 0,
                            dir.resolve("files"), Duration.ofMinutes(1)));

            assertThatThrownBy(() -> ChamadaServer.start(config, SqliteRollCallStore::open, Clock.systemDefaultZone()))
                    .isInstanceOfSatisfying(LegacyBindException.class, e -> {
                        assertThat(e.port()).isEqualTo(LegacyPort.MESSAGES);
                        assertThat(e.address().getPort()).isEqualTo(taken.getLocalPort());
                    })
                    .hasMessageContaining("--legacy-messages-port")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
            try (ServerSocket again = new ServerSocket(nativePort, 50, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(nativePort);
            }
        }
    }

    @Test
    void config_samePortTwice_isRefusedNamingBothOptions() {
        assertThatThrownBy(() -> new LegacyConfig(InetAddress.getLoopbackAddress(), 6000, 6000, 0, dir, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--legacy-port and --legacy-messages-port are both 6000");
        ServerConfig base = ServerConfig.forTests(dir.resolve("db"));
        assertThatThrownBy(() -> new ServerConfig(base.bind(), 5050, base.database(), base.teachersFile(),
                base.maxLineBytes(), base.idleTimeout(), base.maxConnectionsPerAddress(), base.lang())
                .withLegacy(LegacyConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--port and --legacy-port are both 5050");
    }

    @Test
    void config_outOfRange_isRefusedNamingTheOptionAndLimits() {
        assertThatThrownBy(() -> new LegacyConfig(InetAddress.getLoopbackAddress(), 0, 0, 70000, dir, Duration.ofHours(1)))
                .hasMessage("--legacy-files-port must be from 0 to 65535, got 70000");
        assertThatThrownBy(() -> LegacyConfig.defaults().withIdleTimeout(Duration.ZERO))
                .hasMessage("--legacy-idle-timeout must be from 1 second to 1 day, got 0 s");
    }

    @Test
    void defaults_areTheSeedsPorts_onEveryAddress() {
        LegacyConfig defaults = LegacyConfig.defaults();

        assertThat(defaults.bind().isAnyLocalAddress()).isTrue();
        assertThat(Stream.of(LegacyPort.values()).map(defaults::port)).containsExactly(5050, 5051, 50000);
        assertThat(defaults.filesFolder()).isEqualTo(Path.of("chamada-data", "legacy-files"));
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofHours(12));
    }
}
