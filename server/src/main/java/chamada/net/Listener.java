package chamada.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One bound TCP port served with a thread per connection: a platform thread only accepts,
 * and each connection runs on its own virtual thread. Each legacy port has one; the native
 * port runs on event loops instead (docs/DECISIONS.md, "Each front's threads").
 *
 * <p>Stopping takes three steps, so that a server with several ports stops them together:
 * {@link #stopAccepting()}, then {@link #endConnections()} (each connection's input is shut,
 * which its read loop sees as the end of the stream once it has answered what it was
 * answering), then {@link #awaitConnections(Instant)}, which closes whatever is still busy at
 * the deadline.
 */
public final class Listener {

    private static final Logger log = LoggerFactory.getLogger(Listener.class);

    private final String name;
    private final ServerSocket socket;
    private final Consumer<Socket> serve;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread acceptor;

    /**
     * @param name   for thread names and logs, e.g. {@code native} or {@code legacy-roll-call}
     * @param socket already bound; nothing is accepted before {@link #start()}
     * @param serve  serves one connection to its end; the socket is closed after it returns
     */
    public Listener(String name, ServerSocket socket, Consumer<Socket> serve) {
        this.name = name;
        this.socket = socket;
        this.serve = serve;
        this.connections = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("chamada-" + name + "-", 1).factory());
        this.acceptor = Thread.ofPlatform().name("chamada-" + name + "-accept").unstarted(this::acceptLoop);
    }

    public void start() {
        acceptor.start();
    }

    /** Where it listens; the port is the real one when it was bound to port 0. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** How many connections it is serving now. */
    public int connections() {
        return open.size();
    }

    /** Whether stopping has begun: connections served from now on are told so. */
    public boolean stopping() {
        return stopping.get();
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            Socket accepted;
            try {
                accepted = socket.accept();
            } catch (IOException e) {
                if (!stopping.get()) {
                    log.error("Accepting a {} connection failed", name, e);
                }
                continue;
            }
            connections.execute(() -> run(accepted));
        }
    }

    private void run(Socket accepted) {
        open.add(accepted);
        try (accepted) {
            serve.accept(accepted);
        } catch (IOException e) {
            log.debug("Closing a {} connection failed: {}", name, e.toString());
        } finally {
            open.remove(accepted);
        }
    }

    /** First step: no new connections. Also right for a listener that was never started. */
    public void stopAccepting() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
            if (acceptor.getState() != Thread.State.NEW) {
                acceptor.join(Duration.ofSeconds(10));
            }
        } catch (IOException e) {
            log.warn("Closing the {} listener failed", name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Second step: each connection ends after the request it is answering. */
    public void endConnections() {
        for (Socket connection : open) {
            try {
                connection.shutdownInput();
            } catch (IOException e) {
                log.debug("Shutting input of {} failed: {}", connection.getRemoteSocketAddress(), e.toString());
            }
        }
        connections.shutdown();
    }

    /** Last step: waits for the connections until {@code deadline}, then closes what is left. */
    public void awaitConnections(Instant deadline) {
        try {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!connections.awaitTermination(left, TimeUnit.MILLISECONDS)) {
                log.warn("{} connections still busy at the stop deadline; closing them", name);
                connections.shutdownNow();
                for (Socket connection : open) {
                    connection.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("Closing a {} connection failed: {}", name, e.toString());
        }
    }
}
