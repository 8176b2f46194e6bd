package chamada.server;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.net.AddressLimiter;
import chamada.net.Listener;
import chamada.net.Watchdog;
import chamada.protocol.Json;
import chamada.protocol.LineReader;
import chamada.protocol.Request;
import chamada.protocol.RequestDecoder;
import chamada.protocol.ResponseEncoder;
import chamada.protocol.Wire;
import chamada.server.legacy.LegacyPorts;
import chamada.server.legacy.LegacyServer;
import chamada.store.ChamadaStore;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Chamada server: builds the {@link Application} from its configuration, once, and hands
 * it to every front: the native port here ({@link Connection}, one TCP port, a virtual thread
 * per connection) and, with {@code --legacy}, the seeds' ports ({@link LegacyServer}).
 *
 * <p>Threads: one platform thread accepts (and does nothing else); each connection gets a
 * virtual thread; the store keeps its own ordinary threads. {@link #close()} stops
 * gracefully: no new connections, requests in flight are answered, idle connections are
 * told the server is stopping, then the store finishes its writes and closes.
 *
 * <p>The legacy ports are bound and stopped with the native port, and share its per-address
 * connection limit and its watchdog.
 */
public final class ChamadaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChamadaServer.class);

    /** How long a graceful stop waits for requests in flight before closing connections hard. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    /** How long a refused connection may take to say its first line before it is closed unanswered. */
    static final Duration REFUSAL_WAIT = Duration.ofSeconds(5);

    private final ServerConfig config;
    private final Application application;
    private final Listener listener;
    private final RequestDecoder decoder;
    private final ResponseEncoder encoder;
    private final AddressLimiter limiter;
    private final Watchdog watchdog = new Watchdog();
    private final AtomicLong nextConnectionId = new AtomicLong(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Optional<LegacyServer> legacy;

    private ChamadaServer(ServerConfig config, ServerSocket socket, Optional<LegacyPorts> legacyPorts,
                          Application application) {
        this.config = config;
        this.listener = new Listener("native", socket, this::serve);
        this.application = application;
        ObjectMapper json = Json.mapper();
        this.decoder = new RequestDecoder(json);
        this.encoder = new ResponseEncoder(json.getFactory());
        this.limiter = new AddressLimiter(config.maxConnectionsPerAddress());
        this.legacy = legacyPorts.map(ports -> ports.serve(application, limiter, watchdog));
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
            ChamadaStore store = config.store().open(clock.getZone());
            Application application = new Application(teachers, store, store, clock);
            try {
                server = new ChamadaServer(config, listener, legacyPorts, application);
            } catch (RuntimeException e) {
                application.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            listener.close();
            legacyPorts.ifPresent(LegacyPorts::close);
            throw e;
        }
        server.listener.start();
        server.watchdog.start();
        log.info("Chamada {} listening on {} with store {}", Wire.serverVersion(), server.address(),
                server.storeDescription());
        server.legacy.ifPresent(LegacyServer::start);
        if (server.openMode()) {
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
            Connection connection = new Connection(nextConnectionId.getAndIncrement(), socket,
                    application.session(config.lang()), application, decoder, encoder, config.maxLineBytes(),
                    config.idleTimeout(), listener::stopping);
            try (Watchdog.Registration watched = watchdog.watch(connection)) {
                connection.run();
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
            Session session = application.session(config.lang());
            Optional<String> first = new LineReader(socket.getInputStream(), config.maxLineBytes(), REFUSAL_WAIT)
                    .readLine();
            if (first.isEmpty()) {
                return;
            }
            chosenLang(first.get()).ifPresent(session::lang);
            String reply = encoder.encode(application.refusal(session, new ChamadaException(code, args))) + "\n";
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
        watchdog.close();
        application.close();
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
