package chamada.server;

import chamada.application.Application;
import chamada.i18n.Lang;
import chamada.materials.MaterialLimits;
import chamada.net.TlsCertificate;
import chamada.rollcall.CheckInSettings;
import chamada.rollcall.Network;
import chamada.server.legacy.LegacyConfig;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a server is started with, checked once at start-up with messages that name
 * the option and its limits.
 *
 * @param bind                     address to listen on
 * @param port                     TCP port; 0 picks a free one (tests)
 * @param store                    where roll calls are kept
 * @param teachersFile             the teachers file; empty means open mode
 * @param maxLineBytes             longest request line accepted
 * @param idleTimeout              a connection with no request for this long is closed
 * @param maxConnectionsPerAddress connections one client address may hold at once
 * @param lang                     language of replies until a client's hello chooses one
 * @param legacy                   the seeds' wire protocols on their own ports ({@code --legacy}); empty: off
 * @param checkIns                 the default code policy, how codes rotate, the networks check-ins come from
 * @param web                      the web front (pages, JSON API); empty: off ({@code --http-port off})
 * @param trustedProxies           reverse proxies and load balancers believed about whom a connection is from
 *                                 ({@code --trusted-proxy}): their X-Forwarded-For on the web front, their
 *                                 PROXY protocol header on the native port
 * @param materials                where class materials' bytes live and their limits
 * @param tls                      the certificate the native port speaks TLS with ({@code --tls-cert}, the web
 *                                 front's too); empty: plain TCP
 * @param liveViewCheck            how often a live view asks again whether its reader may still hear the class
 *                                 ({@link Application#LIVE_VIEW_CHECK}; shorter only in tests)
 */
public record ServerConfig(InetAddress bind, int port, StoreConfig store, Optional<Path> teachersFile,
                           int maxLineBytes, Duration idleTimeout, int maxConnectionsPerAddress, Lang lang,
                           Optional<LegacyConfig> legacy, CheckInSettings checkIns, Optional<WebFront> web,
                           List<Network> trustedProxies, MaterialsConfig materials, Optional<TlsCertificate> tls,
                           Duration liveViewCheck) {

    public static final int DEFAULT_PORT = 7070;
    public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 1_000;

    public ServerConfig {
        trustedProxies = List.copyOf(trustedProxies);
        check(OptionLimit.PORT.allows(port), "--port must be from 0 to 65535, got " + port);
        check(OptionLimit.MAX_LINE_BYTES.allows(maxLineBytes),
                "--max-line-bytes must be from 256 to 1048576, got " + maxLineBytes);
        check(!idleTimeout.isNegative() && !idleTimeout.isZero()
                        && idleTimeout.compareTo(Duration.ofSeconds(OptionLimit.IDLE_TIMEOUT_SECONDS.max())) <= 0,
                "--idle-timeout must be from 1 second to 1 day, got " + idleTimeout.toSeconds() + " s");
        check(OptionLimit.MAX_CONNECTIONS_PER_ADDRESS.allows(maxConnectionsPerAddress),
                "--max-connections-per-address must be from 1 to 100000, got " + maxConnectionsPerAddress);
        legacy.ifPresent(config -> config.checkApartFrom(port));
        check(liveViewCheck.isPositive(), "a live view's access check must be positive, got " + liveViewCheck);
    }

    /** A config without the legacy protocols. */
    public ServerConfig(InetAddress bind, int port, StoreConfig store, Optional<Path> teachersFile,
                        int maxLineBytes, Duration idleTimeout, int maxConnectionsPerAddress, Lang lang) {
        this(bind, port, store, teachersFile, maxLineBytes, idleTimeout, maxConnectionsPerAddress, lang,
                Optional.empty(), CheckInSettings.defaults(), Optional.empty(), List.of(), MaterialsConfig.defaults(),
                Optional.empty(), Application.LIVE_VIEW_CHECK);
    }

    /**
     * A loopback server on a free port, with the embedded store at {@code database}, the class
     * materials beside it (whichever store a test then chooses), and every default: the tests'
     * starting point.
     */
    public static ServerConfig forTests(Path database) {
        return new ServerConfig(InetAddress.getLoopbackAddress(), 0, new StoreConfig.Embedded(database), Optional.empty(),
                DEFAULT_MAX_LINE_BYTES, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, Lang.EN)
                .withMaterials(new MaterialsConfig(Optional.of(database.toAbsolutePath().resolveSibling("materials")),
                        MaterialLimits.defaults()));
    }

    /** This config asking live views again every {@code liveViewCheck}: tests, which cannot wait the default. */
    public ServerConfig withLiveViewCheck(Duration liveViewCheck) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, web, trustedProxies, materials, tls,
                liveViewCheck);
    }

    public ServerConfig withTeachersFile(Path file) {
        return new ServerConfig(bind, port, store, Optional.of(file), maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, web, trustedProxies, materials, tls,
                liveViewCheck);
    }

    public ServerConfig withLimits(int maxLineBytes, Duration idleTimeout, int maxConnectionsPerAddress) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, web, trustedProxies, materials, tls,
                liveViewCheck);
    }

    /** This config with the seeds' legacy protocols on, as {@code legacy} says. */
    public ServerConfig withLegacy(LegacyConfig legacy) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, Optional.of(legacy), checkIns, web, trustedProxies, materials, tls,
                liveViewCheck);
    }

    /** This config with {@code checkIns} as its check-in settings. */
    public ServerConfig withCheckIns(CheckInSettings checkIns) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, web, trustedProxies, materials, tls,
                liveViewCheck);
    }

    /** This config keeping its roll calls in {@code store}. */
    public ServerConfig withStore(StoreConfig store) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, web, trustedProxies, materials, tls,
                liveViewCheck);
    }

    /** This config taking the client's address from the PROXY protocol header of {@code proxies}' connections. */
    public ServerConfig withTrustedProxies(List<Network> proxies) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, web, proxies, materials, tls,
                liveViewCheck);
    }

    /** This config with the web front on, as {@code web} says. */
    public ServerConfig withWeb(WebFront web) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, Optional.of(web), trustedProxies, materials, tls,
                liveViewCheck);
    }

    /** This config with the class materials where and as large as {@code materials} says. */
    public ServerConfig withMaterials(MaterialsConfig materials) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, web, trustedProxies, materials, tls,
                liveViewCheck);
    }

    /** This config with the native port speaking TLS only, with {@code certificate}. */
    public ServerConfig withTls(TlsCertificate certificate) {
        return new ServerConfig(bind, port, store, teachersFile, maxLineBytes, idleTimeout,
                maxConnectionsPerAddress, lang, legacy, checkIns, web, trustedProxies, materials, Optional.of(certificate),
                liveViewCheck);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
