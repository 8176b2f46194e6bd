package chamada.server.legacy;

import chamada.metrics.FrontMeters;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three legacy listeners of a Chamada server ({@code --legacy}): the seeds' roll call,
 * messages and file download, each on its own port, the roll call answered by the server's one
 * {@link chamada.application.Application}, in Portuguese.
 *
 * <p>Owned by {@code ChamadaServer}, which binds its ports ({@link LegacyPorts}) with its
 * native port, starts it with its native accept loop, and closes it before its store.
 * Threads: see {@link LegacyListener}.
 */
public final class LegacyServer implements AutoCloseable, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(LegacyServer.class);

    /**
     * Who opens and closes roll calls on the legacy ports. The seeds' teachers do not log in,
     * so every legacy teacher is this one reserved owner; reserved names cannot be logged
     * into, so no native client can act as it. The rules decide the rest: a logged-in
     * teacher's roll call cannot be closed from a legacy port, and one owned by a reserved
     * owner may be closed by any teacher.
     */
    public static final TeacherName TEACHER = new TeacherName("(legacy)");

    /** How long a graceful stop waits for legacy connections in flight before closing them hard. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    private final Map<LegacyPort, LegacyListener> listeners;
    private final LegacyFiles files;
    private final Path folder;
    private final Optional<ClassId> filesClass;

    LegacyServer(Map<LegacyPort, LegacyListener> listeners, LegacyFiles files, Path folder, Optional<ClassId> filesClass) {
        this.files = files;
        this.filesClass = filesClass;
        this.listeners = listeners;
        this.folder = folder;
    }

    /** Starts accepting on every port and logs where. */
    public void start() {
        listeners.values().forEach(LegacyListener::start);
        List<String> where = new ArrayList<>();
        listeners.forEach((port, listener) -> where.add(port.label() + " on " + listener.address()));
        log.info("Legacy protocols: {}; files from {}", String.join(", ", where), files.describe());
        log.warn("Legacy ports have no authentication: whoever reaches them may open and close roll calls as {}",
                TEACHER);
    }

    /** Where {@code port} listens; the port is the real one when the config asked for 0. */
    public InetSocketAddress address(LegacyPort port) {
        return listeners.get(port).address();
    }

    /** Each port's connections now, as {@code chamada_connections} with its {@code port} tag (e.g. {@code legacy-roll-call}). */
    @Override
    public void bindTo(MeterRegistry registry) {
        listeners.forEach((port, listener) -> FrontMeters.connections(registry, port.meterName(), listener,
                LegacyListener::connections));
    }

    /** The folder the file download serves, absolute. */
    public Path filesFolder() {
        return folder;
    }

    /** The class whose materials the file download offers instead of the folder's files, if one is set. */
    public Optional<ClassId> filesClass() {
        return filesClass;
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
