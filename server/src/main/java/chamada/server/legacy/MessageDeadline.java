package chamada.server.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * The time a legacy message, once its first byte came, has to arrive whole, counted from that
 * byte ({@link LegacyConfig#messageTime()}).
 *
 * <p>Design note. A socket's read timeout restarts with every read, so a client that trickles a
 * message header a byte at a time (slowloris) would hold its connection, its virtual thread and
 * its place in the per-address limit for as long as it liked. Each read of the rest of the
 * message is given only what is left of the deadline as its timeout; the connection's own
 * timeout is put back once the message is whole. The deadline is not the idle timeout: that one
 * is hours long, for a seed client that keeps its connection all class, while a whole message
 * comes at once. Past it, {@link MessageTooSlow} ends the connection.
 *
 * <p>Used by one connection's thread only.
 */
final class MessageDeadline {

    private final Socket socket;
    private final int idleMillis;
    private final Duration time;
    private final long deadline;

    private MessageDeadline(Socket socket, int idleMillis, Duration time) {
        this.socket = socket;
        this.idleMillis = idleMillis;
        this.time = time;
        this.deadline = System.nanoTime() + time.toNanos();
    }

    /** Starts the deadline, {@code time} from now, of a message whose first byte has just been read from {@code socket}. */
    static MessageDeadline start(Socket socket, Duration time) throws IOException {
        return new MessageDeadline(socket, socket.getSoTimeout(), time);
    }

    /**
     * Reads {@code count} bytes, or fewer if the input ends first, within what is left of the deadline.
     *
     * @throws MessageTooSlow when the deadline passes first
     */
    byte[] readNBytes(InputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        int read = 0;
        while (read < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new MessageTooSlow(time);
            }
            socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            int n;
            try {
                n = in.read(bytes, read, count - read);
            } catch (SocketTimeoutException e) {
                throw new MessageTooSlow(time);
            }
            if (n < 0) {
                return Arrays.copyOf(bytes, read);
            }
            read += n;
        }
        return bytes;
    }

    /** Gives the connection back its idle timeout, for the wait before the next message. */
    void end() throws IOException {
        socket.setSoTimeout(idleMillis);
    }
}
