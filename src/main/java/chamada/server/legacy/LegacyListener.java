package chamada.server.legacy;

import chamada.protocol.legacy.LegacyText;
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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One legacy port, run like the native one: a platform thread only accepts, each connection
 * gets a virtual thread, the per-address limit and the idle timeout apply, and stopping is
 * graceful (no new connections, the message being answered is answered, idle clients are
 * told the server is stopping).
 *
 * <p>Every reply here is a plain Portuguese text, which each legacy client prints as it
 * prints any reply. Nothing a client sends escapes {@link #serve}: it ends in a text, a
 * logged hang-up, or a logged bug.
 */
final class LegacyListener {

    private static final Logger log = LoggerFactory.getLogger(LegacyListener.class);

    private final LegacyPort port;
    private final LegacyProtocol protocol;
    private final AddressGate gate;
    private final Duration idleTimeout;
    private final ServerSocket listener;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread acceptor;

    /** A listener on {@code listener}, already bound; it accepts once {@link #start()} is called. */
    LegacyListener(LegacyPort port, ServerSocket listener, LegacyProtocol protocol, AddressGate gate,
                   Duration idleTimeout) {
        this.port = port;
        this.protocol = protocol;
        this.gate = gate;
        this.idleTimeout = idleTimeout;
        this.listener = listener;
        String name = port.name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.connections = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("chamada-legacy-" + name + "-", 1).factory());
        this.acceptor = Thread.ofPlatform().name("chamada-legacy-" + name + "-accept").unstarted(this::acceptLoop);
    }

    void start() {
        acceptor.start();
    }

    LegacyPort port() {
        return port;
    }

    /** Where it listens; the port is the real one when the config asked for 0. */
    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!stopping.get()) {
                    log.error("Accepting a legacy {} connection failed", port.label(), e);
                }
                continue;
            }
            connections.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        InetAddress address = socket.getInetAddress();
        if (!gate.tryAcquire(address)) {
            try (socket) {
                say(socket, LegacyText.TOO_MANY_CONNECTIONS.format(gate.limit()));
            } catch (IOException e) {
                log.debug("Could not tell {} it was refused: {}", socket.getRemoteSocketAddress(), e.toString());
            }
            return;
        }
        open.add(socket);
        try (socket) {
            run(socket);
        } catch (IOException e) {
            log.debug("Legacy {} connection from {} ended: {}", port.label(), socket.getRemoteSocketAddress(), e.toString());
        } finally {
            open.remove(socket);
            gate.release(address);
        }
    }

    private void run(Socket socket) throws IOException {
        if (stopping.get()) {
            say(socket, LegacyText.SHUTTING_DOWN.format());
            return;
        }
        socket.setSoTimeout((int) idleTimeout.toMillis());
        socket.setTcpNoDelay(true);
        LegacyProtocol.Ending ending;
        try {
            ending = protocol.serve(socket);
        } catch (SocketTimeoutException e) {
            say(socket, LegacyText.IDLE.format(idleTimeout.toSeconds()));
            return;
        } catch (RuntimeException e) {
            log.error("Legacy {} connection from {} failed", port.label(), socket.getRemoteSocketAddress(), e);
            say(socket, LegacyText.INTERNAL.format());
            return;
        }
        // The server stops by shutting our input, which reads as the end of the stream.
        if (ending == LegacyProtocol.Ending.INPUT_ENDED && stopping.get()) {
            say(socket, LegacyText.SHUTTING_DOWN.format());
        }
    }

    private static void say(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** First step of stopping: no new connections. Also right for a listener that was never started. */
    void stopAccepting() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.close();
            if (acceptor.getState() != Thread.State.NEW) {
                acceptor.join(LegacyServer.STOP_DEADLINE);
            }
        } catch (IOException e) {
            log.warn("Closing the legacy {} listener failed", port.label(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Second step: each connection ends after the message it is answering. */
    void endConnections() {
        for (Socket socket : open) {
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                log.debug("Shutting input of {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
            }
        }
        connections.shutdown();
    }

    /** Last step: waits for the connections until {@code deadline}, then closes what is left. */
    void awaitConnections(Instant deadline) {
        try {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!connections.awaitTermination(left, TimeUnit.MILLISECONDS)) {
                log.warn("Legacy {} connections still busy at the stop deadline; closing them", port.label());
                connections.shutdownNow();
                for (Socket socket : open) {
                    socket.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("Closing a legacy connection failed: {}", e.toString());
        }
    }
}
