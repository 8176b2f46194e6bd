package chamada.server;

import chamada.application.Application;
import chamada.materials.MaterialFolder;
import chamada.metrics.ServerMetrics;
import chamada.net.AddressLimiter;
import chamada.net.Watchdog;
import chamada.protocol.Wire;
import chamada.server.legacy.LegacyPorts;
import chamada.server.legacy.LegacyServer;
import chamada.server.nativeport.NativePort;
import chamada.server.nativeport.NativeSocket;
import chamada.store.ChamadaStore;
import chamada.teachers.Account;
import chamada.teachers.Role;
import chamada.teachers.Teachers;
import chamada.teachers.TeachersFile;
import chamada.web.HttpFront;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Chamada server, the composition root: opens the store its configuration names, builds
 * the {@link Application} once, and hands it to every front: the native port
 * ({@link NativePort}), the web front ({@link HttpFront}: pages and JSON API) unless it is
 * off, and, with {@code --legacy}, the seeds' ports ({@link LegacyServer}). The
 * fronts share the per-address connection limit and the watchdog, and know nothing of each
 * other.
 *
 * <p>Threads: the native port's connections are served by a few event loops; each legacy
 * port has a platform thread that accepts and a virtual thread per connection; the web front
 * a virtual thread per request; the store keeps its own ordinary threads. {@link #close()} stops gracefully: no
 * new connections on any port, requests in flight are answered, idle connections are told the
 * server is stopping, then the store finishes its writes and closes.
 */
public final class ChamadaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChamadaServer.class);

    /** How long a graceful stop waits for requests in flight before closing connections hard. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    private final Application application;
    private final NativePort nativePort;
    private final Watchdog watchdog = new Watchdog();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Optional<LegacyServer> legacy;
    private final Optional<HttpFront> web;
    private final ServerMetrics metrics = new ServerMetrics();
    private final boolean withoutTeachers;

    private ChamadaServer(ServerConfig config, NativeSocket socket, Optional<LegacyPorts> legacyPorts,
                          Application application, boolean withoutTeachers) throws IOException {
        this.application = application;
        this.withoutTeachers = withoutTeachers;
        AddressLimiter limiter = new AddressLimiter(config.maxConnectionsPerAddress());
        this.nativePort = new NativePort(socket, application, limiter, watchdog, config.lang(), config.maxLineBytes(),
                config.idleTimeout(), config.trustedProxies(), config.tls());
        this.legacy = legacyPorts.map(ports -> ports.serve(application, limiter, watchdog, config.trustedProxies()));
        // Started here, last: the web server binds and serves in one step, and needs the application.
        try {
            this.web = config.web().isEmpty() ? Optional.empty() : Optional.of(HttpFront.start(config.web().get().config(),
                    application, config.trustedProxies(), limiter, metrics));
        } catch (IOException | RuntimeException e) {
            metrics.close(); // its garbage collector listeners would outlive a server that never started
            throw e;
        }
        MeterRegistry registry = metrics.registry();
        application.bindTo(registry);
        nativePort.bindTo(registry);
        legacy.ifPresent(ports -> ports.bindTo(registry));
        web.ifPresent(front -> front.bindTo(registry));
    }

    /**
     * Binds the port, opens the store the config names, builds the application and starts
     * accepting; returns once clients can connect. The port (and the legacy ports, if the
     * config has them) is bound first, so a port in use fails before any database file is
     * created.
     *
     * @param clock the clock, and so the time zone, of every time the server gives
     */
    public static ChamadaServer start(ServerConfig config, Clock clock) throws IOException {
        // Read first: a malformed file stops the start before any port is bound or file created.
        Optional<TeachersFile> teachersFile = config.teachersFile().isPresent()
                ? Optional.of(TeachersFile.load(config.teachersFile().get())) : Optional.empty();
        NativeSocket listener = NativeSocket.bind(new InetSocketAddress(config.bind(), config.port()));
        Optional<LegacyPorts> legacyPorts = Optional.empty();
        ChamadaServer server;
        try {
            if (config.legacy().isPresent()) {
                legacyPorts = Optional.of(LegacyPorts.bind(config.legacy().get()));
            }
            MaterialFolder materialFolder = MaterialFolder.at(config.materials().folderFor(config.store()));
            ChamadaStore store = config.store().open(clock.getZone());
            try {
                Teachers teachers = Teachers.of(store, teachersFile);
                List<Account> accounts = teachers.openMode() ? List.of() : store.accounts().join();
                if (!teachers.openMode()) {
                    logAccounts(accounts);
                }
                server = new ChamadaServer(config, listener, legacyPorts,
                        new Application(teachers, store, clock, config.checkIns(), materialFolder,
                                config.materials().limits(), config.liveViewCheck()),
                        !teachers.openMode() && accounts.isEmpty());
            } catch (IOException | RuntimeException e) {
                try {
                    store.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            listener.close();
            legacyPorts.ifPresent(LegacyPorts::close);
            throw e;
        }
        try {
            server.nativePort.start();
            server.watchdog.start();
            log.info("Chamada {} listening on {} with store {}", Wire.serverVersion(), server.address(),
                    server.storeDescription());
            server.legacy.ifPresent(LegacyServer::start);
        } catch (RuntimeException e) {
            server.close(); // closes the store and every port, so none is left bound or locked
            throw e;
        }
        if (server.openMode()) {
            log.warn("No teachers' accounts and no teachers file (--teachers): open mode, anybody may open and close"
                    + " roll calls");
        }
        if (server.withoutTeachers()) {
            log.warn("The teachers file lists no teacher and the store holds no account: nobody may open a roll call"
                    + " until an administrator is added (chamada teacher add NAME --admin --teachers FILE) and the"
                    + " server restarted");
        }
        return server;
    }

    /**
     * Whether nobody may act as a teacher: a teachers file that lists none (the Debian package's,
     * before the first {@code teacher add}) and a store without accounts. Not open mode: the file
     * says the school wants logins, so the server waits for the first teacher and a restart.
     */
    public boolean withoutTeachers() {
        return withoutTeachers;
    }

    /**
     * Says at start who administers the server: an administrator added by another, rather than by
     * the teachers file, is worth an IT person's look.
     */
    private static void logAccounts(List<Account> accounts) {
        List<String> administrators = accounts.stream().filter(account -> account.role().equals(
                Optional.of(Role.ADMINISTRATOR))).map(account -> account.name() + (account.fromFile() ? "" : " (added by"
                + " an administrator)")).toList();
        log.info("{} teachers' accounts; administrators: {}", accounts.size(),
                administrators.isEmpty() ? "none" : String.join(", ", administrators));
    }

    /** Where the server listens; the port is the real one when the config asked for 0. */
    public InetSocketAddress address() {
        return nativePort.address();
    }

    public int port() {
        return nativePort.address().getPort();
    }

    /** The web front, when the config turned it on. */
    public Optional<HttpFront> web() {
        return web;
    }

    /** The legacy listeners, when the config turned them on. */
    public Optional<LegacyServer> legacy() {
        return legacy;
    }

    public String storeDescription() {
        return application.storeDescription();
    }

    public boolean openMode() {
        return application.openMode();
    }

    /** What every front of this server answers through. */
    public Application application() {
        return application;
    }

    /** Blocks until the server has stopped. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Stops gracefully; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        log.info("Stopping: no new connections, finishing requests in flight");
        nativePort.stopAccepting();
        legacy.ifPresent(LegacyServer::stopAccepting);
        web.ifPresent(HttpFront::close);
        nativePort.endConnections();
        legacy.ifPresent(LegacyServer::endConnections);
        Instant deadline = Instant.now().plus(STOP_DEADLINE);
        nativePort.awaitConnections(deadline);
        legacy.ifPresent(ports -> ports.awaitConnections(deadline));
        watchdog.close();
        application.close();
        metrics.close();
        log.info("Stopped");
        terminated.countDown();
    }

    private void awaitQuietly() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
