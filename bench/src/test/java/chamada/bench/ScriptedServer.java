package chamada.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A loopback server that misbehaves as a test says: each accepted connection is handed to
 * {@code script} on a virtual thread of its own. Closing it closes every connection.
 */
final class ScriptedServer implements AutoCloseable {

    /** What the server does with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Socket connection) throws IOException;
    }

    private final ServerSocket socket;
    private final Queue<Socket> accepted = new ConcurrentLinkedQueue<>();

    private ScriptedServer(ServerSocket socket) {
        this.socket = socket;
    }

    static ScriptedServer start(Script script) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ScriptedServer server = new ScriptedServer(socket);
        Thread.ofVirtual().name("scripted-accept").start(() -> {
            try {
                while (true) {
                    Socket connection = socket.accept();
                    server.accepted.add(connection);
                    Thread.ofVirtual().start(() -> {
                        try {
                            script.run(connection);
                        } catch (IOException e) {
                            // The test closed the connection or the server.
                        }
                    });
                }
            } catch (IOException e) {
                // Closed.
            }
        });
        return server;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Reads one line from {@code connection}, or throws if it ends first. */
    static String readLine(Socket connection) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = connection.getInputStream().read(); b != '\n'; b = connection.getInputStream().read()) {
            if (b < 0) {
                throw new IOException("closed before a whole line");
            }
            line.append((char) b);
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
