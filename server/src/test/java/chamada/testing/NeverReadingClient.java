package chamada.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;

/**
 * A client that asks for something large (a download) and never reads the answer. With a small
 * receive buffer, the server's writes soon block; the client keeps writing more requests, which
 * block in turn once the server stops reading, and fail once the server closes the connection:
 * that failure is how a test sees the server drop it.
 */
public final class NeverReadingClient implements AutoCloseable {

    private static final int FILLER_WRITES = 1_000;

    private final Socket socket;
    private final Thread writer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NeverReadingClient(Socket socket, String filler) throws IOException {
        this.socket = socket;
        OutputStream out = socket.getOutputStream();
        byte[] more = filler.getBytes(StandardCharsets.UTF_8);
        this.writer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < FILLER_WRITES; i++) {
                    out.write(more);
                }
            } catch (IOException e) {
                closed.set(true);
            }
        });
    }

    /** Connects to {@code server}, sends {@code request}, then keeps sending {@code filler} without reading. */
    public static NeverReadingClient start(InetSocketAddress server, String request, String filler) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(4096);
            socket.connect(server);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new NeverReadingClient(socket, filler);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Waits until the server has closed the connection, at most {@code atMost}. */
    public void awaitClosedByTheServer(Duration atMost) throws InterruptedException {
        await().atMost(atMost).untilTrue(closed);
        writer.join();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
