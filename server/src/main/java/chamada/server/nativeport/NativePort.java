package chamada.server.nativeport;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The native front: one TCP port speaking Chamada's line protocol (PROTOCOL.md), each
 * connection served by a {@link Connection} on its own virtual thread, answered through the
 * server's {@link Application}. It decides nothing: it decodes, asks, encodes.
 *
 * <p>Threads: one platform thread accepts ({@link Listener}); each connection gets a virtual
 * thread; the server's {@link Watchdog} ends the idle and the stuck. Stopping takes the
 * listener's three steps, so that the server stops all its ports together.
 */
public final class NativePort {

    private static final Logger log = LoggerFactory.getLogger(NativePort.class);

    /** How long a refused connection may take to say its first line before it is closed unanswered. */
    static final Duration REFUSAL_WAIT = Duration.ofSeconds(5);

    private final Application application;
    private final AddressLimiter limiter;
    private final Watchdog watchdog;
    private final Lang lang;
    private final int maxLineBytes;
    private final Duration idleTimeout;
    private final Listener listener;
    private final RequestDecoder decoder;
    private final ResponseEncoder encoder;
    private final AtomicLong nextConnectionId = new AtomicLong(1);

    /**
     * The native front on {@code socket}, already bound; it accepts once {@link #start} is
     * called. Replies are in {@code lang} until a client's {@code hello} chooses another.
     */
    public NativePort(ServerSocket socket, Application application, AddressLimiter limiter, Watchdog watchdog,
                      Lang lang, int maxLineBytes, Duration idleTimeout) {
        this.application = application;
        this.limiter = limiter;
        this.watchdog = watchdog;
        this.lang = lang;
        this.maxLineBytes = maxLineBytes;
        this.idleTimeout = idleTimeout;
        this.listener = new Listener("native", socket, this::serve);
        ObjectMapper json = Json.mapper();
        this.decoder = new RequestDecoder(json);
        this.encoder = new ResponseEncoder(json.getFactory());
    }

    public void start() {
        listener.start();
    }

    /** Where it listens; the port is the real one when the config asked for 0. */
    public InetSocketAddress address() {
        return listener.address();
    }

    /** First step of stopping: no new connections. */
    public void stopAccepting() {
        listener.stopAccepting();
    }

    /** Second step: each connection ends after the request it is answering. */
    public void endConnections() {
        listener.endConnections();
    }

    /** Last step: waits for the connections until {@code deadline}, then closes what is left. */
    public void awaitConnections(Instant deadline) {
        listener.awaitConnections(deadline);
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
                    application.session(lang, socket.getInetAddress()), application, decoder, encoder, maxLineBytes, idleTimeout,
                    listener::stopping);
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
            Session session = application.session(lang, socket.getInetAddress());
            Optional<String> first = new LineReader(socket.getInputStream(), maxLineBytes, REFUSAL_WAIT).readLine();
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
}
