package chamada.protocol.legacy;

import chamada.error.Fields;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The framing of the message seed ({@code seeds/003}), taken from the Tech with Tim socket
 * tutorial it cites: each message is a {@value #HEADER_BYTES}-byte header holding the
 * message's length in bytes as ASCII decimal digits padded with spaces, then the UTF-8
 * message. The server answers {@value #RECEIVED} (UTF-8, no header) to every message, and
 * {@value #DISCONNECT} ends the session after that answer.
 *
 * <p>The tutorial's server parses the header with Python's {@code int()}, which allows white
 * space on both sides; so do we, but only ASCII digits in between (no sign, no {@code _}).
 * Stateless and thread-safe.
 */
public final class MessageFraming {

    public static final int HEADER_BYTES = 64;
    public static final String RECEIVED = "Msg received";
    public static final String DISCONNECT = "!DISCONNECT";

    private MessageFraming() {
    }

    /** The length a header announces, or empty when it is not digits padded with white space. */
    public static OptionalInt length(byte[] header) {
        if (header.length != HEADER_BYTES) {
            throw new IllegalArgumentException("a header has " + HEADER_BYTES + " bytes, not " + header.length);
        }
        int start = 0;
        int end = header.length;
        while (start < end && isSpace(header[start])) {
            start++;
        }
        while (end > start && isSpace(header[end - 1])) {
            end--;
        }
        if (start == end || end - start > 9) {
            return OptionalInt.empty();
        }
        int length = 0;
        for (int i = start; i < end; i++) {
            if (header[i] < '0' || header[i] > '9') {
                return OptionalInt.empty();
            }
            length = length * 10 + (header[i] - '0');
        }
        return OptionalInt.of(length);
    }

    /** The header for a message of {@code length} bytes, as the tutorial's client builds it. */
    public static byte[] header(int length) {
        byte[] digits = Integer.toString(length).getBytes(StandardCharsets.US_ASCII);
        byte[] header = Arrays.copyOf(digits, HEADER_BYTES);
        Arrays.fill(header, digits.length, HEADER_BYTES, (byte) ' ');
        return header;
    }

    /** A bad header as an error may show it: Latin-1 so any byte shows, control characters masked, cut short. */
    public static String echo(byte[] header) {
        return Fields.echo(new String(header, StandardCharsets.ISO_8859_1).strip());
    }

    private static boolean isSpace(byte b) {
        // What Python's str.isspace() (and so int()) calls white space among the ASCII characters.
        return b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
    }
}
