package chamada.server.legacy;

import chamada.protocol.legacy.LegacyRollCallCodec;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Cuts the seed's unframed roll-call stream into messages: what one read returns is one
 * message, as in the seed, except where {@link LegacyRollCallCodec#messageEnd} knows better.
 *
 * <p>Bytes that do not yet end a message get {@link #COMPLETION_GRACE} for the rest to
 * arrive (a message split over TCP segments); when nothing more comes they are taken as one
 * message, and get whatever reply they deserve. The seed's clients send whole messages and
 * wait for the reply, so they never wait on this.
 *
 * <p>Used by one connection's thread only.
 */
final class RollCallFramer {

    /** How long the rest of a message that does not end yet may take to arrive. */
    static final Duration COMPLETION_GRACE = Duration.ofMillis(500);

    /** What {@link #next()} found. */
    sealed interface Frame {
        /** One message's bytes. */
        record Message(byte[] bytes) implements Frame {
        }

        /** More than {@link LegacyRollCallCodec#MAX_MESSAGE_BYTES} without an end: the stream cannot be trusted any more. */
        record TooLong() implements Frame {
        }

        /** The input ended, and every message before the end was returned. */
        record End() implements Frame {
        }
    }

    private static final int MAX = LegacyRollCallCodec.MAX_MESSAGE_BYTES;

    private final Socket socket;
    private final InputStream in;
    private final int idleMillis;
    private final byte[] pending = new byte[2 * MAX];
    private int length;
    private boolean ended;

    RollCallFramer(Socket socket, Duration idleTimeout) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.idleMillis = (int) idleTimeout.toMillis();
    }

    /**
     * The next frame; waits up to the idle timeout for a first byte.
     *
     * @throws SocketTimeoutException when nothing arrived within the idle timeout
     */
    Frame next() throws IOException {
        while (true) {
            int end = LegacyRollCallCodec.messageEnd(pending, length);
            if (end > MAX || (end < 0 && length > MAX)) {
                return new Frame.TooLong();
            }
            if (end >= 0) {
                return take(end);
            }
            if (ended) {
                return length == 0 ? new Frame.End() : take(length);
            }
            if (length == 0) {
                read();
            } else if (!readWithin(COMPLETION_GRACE)) {
                return take(length);
            }
        }
    }

    /** Reads what one read returns, at most {@link LegacyRollCallCodec#MAX_MESSAGE_BYTES}, as the seed's {@code recv(1024)}. */
    private void read() throws IOException {
        int read = in.read(pending, length, Math.min(MAX, pending.length - length));
        if (read < 0) {
            ended = true;
        } else {
            length += read;
        }
    }

    /** As {@link #read()}, waiting at most {@code grace}; false when nothing came in time. */
    private boolean readWithin(Duration grace) throws IOException {
        socket.setSoTimeout((int) grace.toMillis());
        try {
            read();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(idleMillis);
        }
    }

    private Frame take(int end) {
        byte[] message = Arrays.copyOf(pending, end);
        System.arraycopy(pending, end, pending, 0, length - end);
        length -= end;
        return new Frame.Message(message);
    }
}
