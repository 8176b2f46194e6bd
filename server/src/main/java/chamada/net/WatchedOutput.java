package chamada.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * A socket's output that remembers since when a write has been blocked, so the
 * {@link Watchdog} can close the socket of a client that never reads its replies: a blocked
 * socket write has no timeout of its own, and would hold its thread and its place in the
 * per-address limit for good.
 */
public final class WatchedOutput extends FilterOutputStream implements Watchdog.Watched {

    private static final Logger log = LoggerFactory.getLogger(WatchedOutput.class);
    private static final long NOT_WRITING = Long.MIN_VALUE;

    private final Socket socket;
    private final Duration timeout;
    private final String name;
    private volatile long writingSince = NOT_WRITING;

    /** Watches writes to {@code socket}'s output; {@code name} says which connection in the log. */
    public WatchedOutput(Socket socket, Duration timeout, String name) throws IOException {
        super(socket.getOutputStream());
        this.socket = socket;
        this.timeout = timeout;
        this.name = name;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        writingSince = System.nanoTime();
        try {
            out.write(bytes, offset, length);
        } finally {
            writingSince = NOT_WRITING;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        writingSince = System.nanoTime();
        try {
            out.flush();
        } finally {
            writingSince = NOT_WRITING;
        }
    }

    /** Closes the socket if a write has been blocked longer than the timeout. */
    @Override
    public void enforceTimeouts(long nowNanos) {
        long since = writingSince;
        if (since != NOT_WRITING && nowNanos - since > timeout.toNanos()) {
            log.info("{} from {}: not reading its replies for {} s; closing it", name,
                    socket.getRemoteSocketAddress(), timeout.toSeconds());
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing {} failed: {}", name, e.toString());
            }
        }
    }
}
