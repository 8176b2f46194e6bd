package chamada.server.legacy;

import chamada.application.Application;
import chamada.net.AddressLimiter;
import chamada.net.Watchdog;
import chamada.rollcall.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The three legacy ports bound, and the files folder created, before anything answers on them:
 * {@code ChamadaServer} binds these with its native port, before it opens the store, so a port
 * in use fails the start before any database file is created; then {@link #serve} turns them
 * into a {@link LegacyServer}.
 */
public final class LegacyPorts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LegacyPorts.class);

    private final LegacyConfig config;
    private final FileFolder folder;
    private final Map<LegacyPort, ServerSocket> sockets;

    private LegacyPorts(LegacyConfig config, FileFolder folder, Map<LegacyPort, ServerSocket> sockets) {
        this.config = config;
        this.folder = folder;
        this.sockets = sockets;
    }

    /**
     * Creates the files folder if missing and binds the three ports.
     *
     * @throws LegacyBindException when a port cannot be bound (the ones bound are closed again)
     * @throws IOException         when the files folder cannot be created
     */
    public static LegacyPorts bind(LegacyConfig config) throws IOException {
        FileFolder folder = new FileFolder(config.filesFolder());
        Files.createDirectories(folder.path());
        Map<LegacyPort, ServerSocket> sockets = new EnumMap<>(LegacyPort.class);
        LegacyPorts ports = new LegacyPorts(config, folder, sockets);
        try {
            for (LegacyPort port : LegacyPort.values()) {
                sockets.put(port, bind(port, new InetSocketAddress(config.bind(), config.port(port))));
            }
        } catch (IOException | RuntimeException e) {
            ports.close();
            throw e;
        }
        return ports;
    }

    private static ServerSocket bind(LegacyPort port, InetSocketAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(address, 1024);
            return socket;
        } catch (BindException e) {
            socket.close();
            throw new LegacyBindException(port, address, e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The legacy server on these ports, answering through {@code application}, counting
     * connections with the server's {@code limiter}, watched by its {@code watchdog}, and reading
     * the PROXY protocol header from {@code trustedProxies}; it accepts once
     * {@link LegacyServer#start()} is called.
     */
    public LegacyServer serve(Application application, AddressLimiter limiter, Watchdog watchdog,
                              List<Network> trustedProxies) {
        LegacyFiles files = config.filesClass().<LegacyFiles>map(classId -> new ClassMaterialFiles(application, classId))
                .orElse(folder);
        Map<LegacyPort, LegacyListener> listeners = new EnumMap<>(LegacyPort.class);
        sockets.forEach((port, socket) -> {
            LegacyProtocol protocol = switch (port) {
                case ROLL_CALL -> new RollCallProtocol(application, config.idleTimeout());
                case MESSAGES -> new MessageProtocol(application, config.messagesClass(), config.messageTime());
                case FILES -> new FileProtocol(files, config.idleTimeout());
            };
            listeners.put(port, new LegacyListener(port, socket, protocol, limiter, watchdog,
                    config.idleTimeout(), trustedProxies));
        });
        return new LegacyServer(listeners, files, folder.path(), config.filesClass());
    }

    /** Unbinds the ports; for a start that failed before {@link #serve}. */
    @Override
    public void close() {
        for (ServerSocket socket : sockets.values()) {
            try {
                socket.close();
            } catch (IOException e) {
                log.warn("Closing a legacy port failed", e);
            }
        }
    }
}
