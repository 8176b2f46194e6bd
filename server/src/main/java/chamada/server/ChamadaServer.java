package chamada.server;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Json;
import chamada.protocol.LineReader;
import chamada.protocol.Request;
import chamada.protocol.RequestDecoder;
import chamada.protocol.Response;
import chamada.protocol.ResponseEncoder;
import chamada.protocol.Wire;
import chamada.rollcall.RollCallService;
import chamada.rollcall.RollCallStore;
import chamada.server.legacy.AddressGate;
import chamada.server.legacy.LegacyDispatcher;
import chamada.server.legacy.LegacyPorts;
import chamada.server.legacy.LegacyServer;
import chamada.teachers.Teachers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Chamada server: listens on one TCP port and serves each connection on its own
 * virtual thread, over one {@link RollCallService} and one store.
 *
 * <p>Threads: one platform thread accepts (and does nothing else); each connection gets a
 * virtual thread; the store keeps its own ordinary threads. {@link #close()} stops
 * gracefully: no new connections, requests in flight are answered, idle connections are
 * told the server is stopping, then the store finishes its writes and closes.
 *
 * <p>With {@code --legacy} it also runs a {@link LegacyServer}: the seeds' wire protocols on
 * their own ports, answered by the same dispatcher, bound and stopped with the native port.
 */
public final class ChamadaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChamadaServer.class);

    /** How long a graceful stop waits for requests in flight before closing connections hard. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    /** How long a refused connection may take to say its first line before it is closed unanswered. */
    static final Duration REFUSAL_WAIT = Duration.ofSeconds(5);

    private final ServerConfig config;
    private final RollCallStore store;
    private final Teachers teachers;
    private final Listener listener;
    private final Logins logins;
    private final Dispatcher dispatcher;
    private final RequestDecoder decoder;
    private final ResponseEncoder encoder;
    private final AddressLimiter limiter;
    private final Set<Connection> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chamada-watchdog").daemon(true).factory());
    private final AtomicLong nextConnectionId = new AtomicLong(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Optional<LegacyServer> legacy;

    private ChamadaServer(ServerConfig config, ServerSocket socket, Optional<LegacyPorts> legacyPorts,
                          RollCallStore store, Teachers teachers, Clock clock) {
        this.config = config;
        this.listener = new Listener("native", socket, this::serve);
        this.store = store;
        this.teachers = teachers;
        this.logins = new Logins(teachers);
        this.dispatcher = new Dispatcher(new RollCallService(store, clock), logins);
        ObjectMapper json = Json.mapper();
        this.decoder = new RequestDecoder(json);
        this.encoder = new ResponseEncoder(json.getFactory());
        this.limiter = new AddressLimiter(config.maxConnectionsPerAddress());
        this.legacy = legacyPorts.map(ports -> ports.serve(this::answerLegacy,
                AddressGate.of(limiter::tryAcquire, limiter::release, limiter.limit())));
    }

    /**
     * Binds the port, opens the store with {@code stores} and starts accepting; returns once
     * clients can connect. The port (and the legacy ports, if the config has them) is bound
     * first, so a port in use fails before any database file is created.
     *
     * @param clock the clock, and so the time zone, of every time the server gives
     */
    public static ChamadaServer start(ServerConfig config, RollCallStore.Opener stores, Clock clock)
            throws IOException {
        Teachers teachers = Teachers.of(config.teachersFile());
        ServerSocket listener = new ServerSocket();
        Optional<LegacyPorts> legacyPorts = Optional.empty();
        ChamadaServer server;
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(config.bind(), config.port()), 1024);
            if (config.legacy().isPresent()) {
                legacyPorts = Optional.of(LegacyPorts.bind(config.legacy().get()));
            }
            RollCallStore store = stores.open(config.database(), clock.getZone());
            try {
                server = new ChamadaServer(config, listener, legacyPorts, store, teachers, clock);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            listener.close();
            legacyPorts.ifPresent(LegacyPorts::close);
            throw e;
        }
        server.listener.start();
        server.watchdog.scheduleWithFixedDelay(server::enforceTimeouts, 1, 1, TimeUnit.SECONDS);
        log.info("Chamada {} listening on {} with store {}", Wire.serverVersion(), server.address(),
                server.storeDescription());
        server.legacy.ifPresent(LegacyServer::start);
        if (teachers.openMode()) {
            log.warn("No teachers file (--teachers): open mode, anybody may open and close roll calls");
        }
        return server;
    }

    /** Where the server listens; the port is the real one when the config asked for 0. */
    public InetSocketAddress address() {
        return listener.address();
    }

    public int port() {
        return listener.address().getPort();
    }

    /** The legacy listeners, when the config turned them on. */
    public Optional<LegacyServer> legacy() {
        return legacy;
    }

    public String storeDescription() {
        return store.describe();
    }

    public boolean openMode() {
        return teachers.openMode();
    }

    private void enforceTimeouts() {
        long now = System.nanoTime();
        live.forEach(connection -> connection.enforceTimeouts(now));
    }

    /** Blocks until the server has stopped. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** A request from a legacy port: as the legacy teacher, in the seeds' Portuguese, through the one dispatcher. */
    private Response answerLegacy(Request request) {
        Session session = new Session(Lang.PT_BR, teachers.openMode());
        session.login(LegacyDispatcher.TEACHER);
        return dispatcher.handle(session, request);
    }

    private void serve(Socket socket) {
        InetAddress address = socket.getInetAddress();
        if (!limiter.tryAcquire(address)) {
            refuse(socket, ErrorCode.TOO_MANY_CONNECTIONS, limiter.limit());
            return;
        }
        try {
            if (listener.stopping()) {
                refuse(socket, ErrorCode.SHUTTING_DOWN);
                return;
            }
            Session session = new Session(config.lang(), teachers.openMode());
            Connection connection = new Connection(nextConnectionId.getAndIncrement(), socket, session, dispatcher,
                    decoder, encoder, config.maxLineBytes(), config.idleTimeout(), listener::stopping);
            live.add(connection);
            try {
                connection.run();
            } finally {
                live.remove(connection);
            }
        } finally {
            limiter.release(address);
        }
    }

    /**
     * Answers a connection the server will not serve. The client speaks first, so the refusal
     * waits for its first line (a hello, usually, whose language it then uses); a client
     * silent for {@link #REFUSAL_WAIT} is closed without a word.
     */
    private void refuse(Socket socket, ErrorCode code, Object... args) {
        try {
            socket.setSoTimeout((int) REFUSAL_WAIT.toMillis());
            Session session = new Session(config.lang(), teachers.openMode());
            Optional<String> first = new LineReader(socket.getInputStream(), config.maxLineBytes(), REFUSAL_WAIT)
                    .readLine();
            if (first.isEmpty()) {
                return;
            }
            chosenLang(first.get()).ifPresent(session::lang);
            String reply = encoder.encode(Dispatcher.failure(session, new ChamadaException(code, args))) + "\n";
            OutputStream out = socket.getOutputStream();
            out.write(reply.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            log.debug("Refused {} ({}) without a reply: {}", socket.getRemoteSocketAddress(), code, e.toString());
        }
    }

    private Optional<Lang> chosenLang(String line) {
        try {
            return decoder.decode(line) instanceof Request.Hello hello ? hello.lang() : Optional.empty();
        } catch (ChamadaException e) {
            return Optional.empty();
        }
    }

    /** Stops gracefully; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        log.info("Stopping: no new connections, finishing requests in flight");
        listener.stopAccepting();
        legacy.ifPresent(LegacyServer::stopAccepting);
        listener.endConnections();
        legacy.ifPresent(LegacyServer::endConnections);
        Instant deadline = Instant.now().plus(STOP_DEADLINE);
        listener.awaitConnections(deadline);
        legacy.ifPresent(ports -> ports.awaitConnections(deadline));
        watchdog.shutdownNow();
        logins.close();
        store.close();
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
