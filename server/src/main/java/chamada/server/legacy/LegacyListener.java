package chamada.server.legacy;

import chamada.i18n.HumanCount;
import chamada.net.AddressLimiter;
import chamada.net.Listener;
import chamada.net.ProxyHeaderReader;
import chamada.net.Watchdog;
import chamada.net.WatchedOutput;
import chamada.protocol.legacy.LegacyText;
import chamada.rollcall.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One legacy port, run like the native one: a platform thread only accepts, each connection
 * gets a virtual thread, the per-address limit and the idle timeout apply, and stopping is
 * graceful (no new connections, the message being answered is answered, idle clients are
 * told the server is stopping). From a load balancer named by {@code --trusted-proxy}, the
 * connection's first bytes are its PROXY protocol header, and the client it names is the one
 * the limit counts and the rules see.
 *
 * <p>Every reply here is a plain Portuguese text, which each legacy client prints as it
 * prints any reply. Nothing a client sends escapes {@link #serve}: it ends in a text, a
 * logged hang-up, or a logged bug.
 */
final class LegacyListener {

    private static final Logger log = LoggerFactory.getLogger(LegacyListener.class);

    private final LegacyPort port;
    private final LegacyProtocol protocol;
    private final AddressLimiter limiter;
    private final Watchdog watchdog;
    private final Duration idleTimeout;
    private final List<Network> trustedProxies;
    private final Listener listener;

    /** A listener on {@code listener}, already bound; it accepts once {@link #start()} is called. */
    LegacyListener(LegacyPort port, ServerSocket listener, LegacyProtocol protocol, AddressLimiter limiter,
                   Watchdog watchdog, Duration idleTimeout, List<Network> trustedProxies) {
        this.port = port;
        this.protocol = protocol;
        this.limiter = limiter;
        this.watchdog = watchdog;
        this.idleTimeout = idleTimeout;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.listener = new Listener(port.meterName(), listener, this::serve);
    }

    void start() {
        listener.start();
    }

    LegacyPort port() {
        return port;
    }

    /** How many connections it is serving now. */
    int connections() {
        return listener.connections();
    }

    /** Where it listens; the port is the real one when the config asked for 0. */
    InetSocketAddress address() {
        return listener.address();
    }

    private void serve(Socket socket) {
        Optional<InetAddress> client;
        try {
            client = client(socket);
        } catch (IOException e) {
            log.debug("Legacy {} connection from {} ended before its PROXY header: {}", port.label(),
                    socket.getRemoteSocketAddress(), e.toString());
            return;
        }
        if (client.isEmpty()) {
            if (!listener.stopping()) {
                log.info("Legacy {} connection from trusted proxy {} closed: it sent no readable PROXY protocol header"
                        + " within {} s", port.label(), socket.getRemoteSocketAddress(), ProxyHeaderReader.TIMEOUT.toSeconds());
            }
            return;
        }
        InetAddress address = client.get();
        if (!limiter.tryAcquire(address)) {
            try (socket) {
                say(socket, LegacyText.TOO_MANY_CONNECTIONS.format(limiter.limit()));
            } catch (IOException e) {
                log.debug("Could not tell {} it was refused: {}", socket.getRemoteSocketAddress(), e.toString());
            }
            return;
        }
        try {
            run(socket, address);
        } catch (IOException e) {
            log.debug("Legacy {} connection from {} ended: {}", port.label(), socket.getRemoteSocketAddress(), e.toString());
        } finally {
            limiter.release(address);
        }
    }

    /**
     * Whom the connection is for: its peer, or, from a trusted load balancer, the client its
     * PROXY protocol header names (empty when it sent none, and the connection is to be closed).
     */
    private Optional<InetAddress> client(Socket socket) throws IOException {
        InetAddress peer = socket.getInetAddress();
        if (trustedProxies.stream().noneMatch(proxy -> proxy.contains(peer))) {
            return Optional.of(peer);
        }
        return ProxyHeaderReader.read(socket);
    }

    private void run(Socket socket, InetAddress client) throws IOException {
        if (listener.stopping()) {
            say(socket, LegacyText.SHUTTING_DOWN.format());
            return;
        }
        socket.setSoTimeout((int) idleTimeout.toMillis());
        socket.setTcpNoDelay(true);
        LegacyProtocol.Ending ending;
        WatchedOutput out = new WatchedOutput(socket, idleTimeout, "Legacy " + port.label() + " connection");
        try (Watchdog.Registration watched = watchdog.watch(out)) {
            ending = protocol.serve(socket, client, out);
        } catch (MessageTooSlow e) {
            say(socket, LegacyText.MESSAGE_TOO_SLOW.format(HumanCount.seconds(e.deadline()).pt()));
            return;
        } catch (SocketTimeoutException e) {
            say(socket, LegacyText.IDLE.format(HumanCount.seconds(idleTimeout).pt()));
            return;
        } catch (RuntimeException e) {
            log.error("Legacy {} connection from {} failed", port.label(), socket.getRemoteSocketAddress(), e);
            say(socket, LegacyText.INTERNAL.format());
            return;
        }
        // The server stops by shutting our input, which reads as the end of the stream.
        if (ending == LegacyProtocol.Ending.INPUT_ENDED && listener.stopping()) {
            say(socket, LegacyText.SHUTTING_DOWN.format());
        }
    }

    private static void say(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void stopAccepting() {
        listener.stopAccepting();
    }

    void endConnections() {
        listener.endConnections();
    }

    void awaitConnections(Instant deadline) {
        listener.awaitConnections(deadline);
    }
}
