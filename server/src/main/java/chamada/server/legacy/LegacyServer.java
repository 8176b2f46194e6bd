package chamada.server.legacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three legacy listeners of a Chamada server ({@code --legacy}): the seeds' roll call,
 * messages and file download, each on its own port, all over the server's one dispatcher.
 *
 * <p>Owned by {@code ChamadaServer}, which binds its ports ({@link LegacyPorts}) with its
 * native port, starts it with its native accept loop, and closes it before its store.
 * Threads: see {@link LegacyListener}.
 */
public final class LegacyServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LegacyServer.class);

    /** How long a graceful stop waits for legacy connections in flight before closing them hard. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    private final Map<LegacyPort, LegacyListener> listeners;
    private final FileFolder folder;

    LegacyServer(Map<LegacyPort, LegacyListener> listeners, FileFolder folder) {
        this.listeners = listeners;
        this.folder = folder;
    }

    /** Starts accepting on every port and logs where. */
    public void start() {
        listeners.values().forEach(LegacyListener::start);
        List<String> where = new ArrayList<>();
        listeners.forEach((port, listener) -> where.add(port.label() + " on " + listener.address()));
        log.info("Legacy protocols: {}; files from {}", String.join(", ", where), folder.path());
        log.warn("Legacy ports have no authentication: whoever reaches them may open and close roll calls as {}",
                LegacyDispatcher.TEACHER);
    }

    /** Where {@code port} listens; the port is the real one when the config asked for 0. */
    public InetSocketAddress address(LegacyPort port) {
        return listeners.get(port).address();
    }

    /** The folder the file download serves, absolute. */
    public Path filesFolder() {
        return folder.path();
    }

    /** Stops gracefully: no new connections, messages in flight answered, idle clients told; bounded by a deadline. */
    @Override
    public void close() {
        stopAccepting();
        endConnections();
        awaitConnections(Instant.now().plus(STOP_DEADLINE));
    }

    /** First step of stopping, taken together with the native port's: no new connections. */
    public void stopAccepting() {
        listeners.values().forEach(LegacyListener::stopAccepting);
    }

    /** Second step: each connection ends after the message it is answering. */
    public void endConnections() {
        listeners.values().forEach(LegacyListener::endConnections);
    }

    /** Last step: waits for the connections until {@code deadline}, then closes what is left. */
    public void awaitConnections(Instant deadline) {
        listeners.values().forEach(listener -> listener.awaitConnections(deadline));
    }
}
