package chamada.server.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * The time a legacy message, once its first byte came, has to arrive whole: the connection's
 * idle timeout, counted from that byte.
 *
 * <p>Design note. A socket's read timeout restarts with every read, so a client that trickles a
 * message header a byte at a time (slowloris) would hold its connection, its virtual thread and
 * its place in the per-address limit for as long as it liked. Each read of the rest of the
 * message is given only what is left of the deadline as its timeout; the connection's own
 * timeout is put back once the message is whole. A timeout here ends the connection as an idle
 * one does.
 *
 * <p>Used by one connection's thread only.
 */
final class MessageDeadline {

    private final Socket socket;
    private final int idleMillis;
    private final long deadline;

    private MessageDeadline(Socket socket, int idleMillis) {
        this.socket = socket;
        this.idleMillis = idleMillis;
        this.deadline = System.nanoTime() + idleMillis * 1_000_000L;
    }

    /** Starts the deadline of a message whose first byte has just been read from {@code socket}. */
    static MessageDeadline start(Socket socket) throws IOException {
        return new MessageDeadline(socket, socket.getSoTimeout());
    }

    /**
     * Reads {@code count} bytes, or fewer if the input ends first, within what is left of the deadline.
     *
     * @throws SocketTimeoutException when the deadline passes first
     */
    byte[] readNBytes(InputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        int read = 0;
        while (read < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("a message took longer than " + idleMillis + " ms to arrive");
            }
            socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            int n = in.read(bytes, read, count - read);
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
