package chamada.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Counts the {@code event: checkin} and {@code event: close} lines of one Server-Sent Events
 * stream as its bytes arrive, in chunks that may split a line anywhere, without keeping them:
 * the live-view watchers' sanity check that their events were delivered.
 *
 * <p>Used by one stream's callbacks, one chunk at a time (Jetty calls them in order, never at
 * once); read once the stream has ended.
 */
final class EventLines {

    private static final byte[] CHECKIN = "event: checkin\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "event: close\n".getBytes(StandardCharsets.US_ASCII);

    /** Bytes of the current line matched so far against both names, or -1 once it cannot be either. */
    private int checkinMatched;
    private int closeMatched;
    private long checkins;
    private long closes;
    private long bytes;

    /** Reads {@code chunk} to its end. */
    void feed(ByteBuffer chunk) {
        bytes += chunk.remaining();
        while (chunk.hasRemaining()) {
            byte b = chunk.get();
            checkinMatched = step(CHECKIN, checkinMatched, b);
            closeMatched = step(CLOSE, closeMatched, b);
            if (checkinMatched == CHECKIN.length) {
                checkins++;
            }
            if (closeMatched == CLOSE.length) {
                closes++;
            }
            if (b == '\n') {
                checkinMatched = 0;
                closeMatched = 0;
            }
        }
    }

    /** The match after {@code b}: the next byte of {@code name}, else -1 for the rest of the line. */
    private static int step(byte[] name, int matched, byte b) {
        return matched >= 0 && matched < name.length && name[matched] == b ? matched + 1 : -1;
    }

    long checkins() {
        return checkins;
    }

    long closes() {
        return closes;
    }

    long bytes() {
        return bytes;
    }
}
