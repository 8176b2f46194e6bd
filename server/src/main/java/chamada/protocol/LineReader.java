package chamada.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads newline-terminated UTF-8 lines from a socket with a hard limit on their length.
 *
 * <p>Why not {@code BufferedReader}: its {@code readLine} grows without bound on a line
 * that never ends. This reader never holds more than the limit.
 *
 * <p>The client reads the native protocol's replies with it, on a blocking socket; the server's
 * event loops frame requests with {@code LineFramer}, by the same rules. Used by one
 * connection's thread only.
 */
public final class LineReader {

    /** A line longer than the limit; the reader is unusable afterwards (the connection closes). */
    public static final class LineTooLongException extends IOException {
        LineTooLongException(int limit) {
            super("line longer than " + limit + " bytes", null);
        }
    }

    /** A line still unfinished after the deadline since its first byte: a client trickling bytes. */
    public static final class SlowLineException extends IOException {
        SlowLineException() {
            super("line not finished in time", null);
        }
    }

    /** A line whose bytes are not UTF-8; the line was consumed and reading may go on. */
    public static final class BadEncodingException extends IOException {
        BadEncodingException() {
            super("line is not valid UTF-8");
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final long lineDeadlineNanos;
    /**
     * Bytes read from the socket at a time. Small, because every open connection keeps one (the
     * benchmark opens 10,000): a reply is a few dozen bytes, and a longer line just takes more reads.
     */
    private static final int BUFFER_BYTES = 2048;

    private static final int FILE_BUFFER_BYTES = 64 * 1024;

    private byte[] buffer = new byte[BUFFER_BYTES];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[256];
    private int position;
    private int limit;

    /**
     * @param lineDeadline how long a line may take from its first byte to its {@code \n}; the
     *                     reader's idle timeout, if it has one, only catches silence, not a byte a second
     */
    public LineReader(InputStream in, int maxLineBytes, Duration lineDeadline) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.lineDeadlineNanos = lineDeadline.toNanos();
    }

    /**
     * The next line without its {@code \n} (and without a {@code \r} before it), or empty at
     * end of stream. A last line without its {@code \n} is dropped, never returned: it is a
     * request its sender did not finish ({@code checkin 777 90011} cut short must not check
     * into class 9001).
     */
    public Optional<String> readLine() throws IOException {
        int length = 0;
        long started = System.nanoTime();
        while (true) {
            if (position == limit) {
                if (length > 0 && System.nanoTime() - started > lineDeadlineNanos) {
                    throw new SlowLineException();
                }
                if (!fill()) {
                    return Optional.empty();
                }
                if (length == 0) {
                    started = System.nanoTime();
                }
            }
            int start = position;
            int newline = -1;
            for (int i = start; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline >= 0 ? newline : limit;
            int chunk = end - start;
            if (chunk > maxLineBytes - length) {
                throw new LineTooLongException(maxLineBytes);
            }
            if (chunk > line.length - length) {
                long grown = Math.max(2L * line.length, (long) length + chunk);
                line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, grown));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            position = newline >= 0 ? newline + 1 : limit;
            if (newline >= 0) {
                return Optional.of(decode(length));
            }
        }
    }

    /**
     * Copies the next {@code count} bytes, raw, to {@code out}: the bytes of a file that follow a
     * reply's line. Fewer arrive only if the connection ends, which throws {@link EOFException}.
     */
    public void readBytes(long count, OutputStream out) throws IOException {
        if (buffer.length < FILE_BUFFER_BYTES) {
            // A file comes in larger reads than lines: the buffer grows at a connection's first transfer.
            byte[] larger = new byte[FILE_BUFFER_BYTES];
            System.arraycopy(buffer, position, larger, 0, limit - position);
            limit -= position;
            position = 0;
            buffer = larger;
        }
        long left = count;
        while (left > 0) {
            if (position == limit && !fill()) {
                throw new EOFException((count - left) + " of " + count + " bytes received before the connection ended");
            }
            int chunk = (int) Math.min(left, limit - position);
            out.write(buffer, position, chunk);
            position += chunk;
            left -= chunk;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private String decode(int length) throws BadEncodingException {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new BadEncodingException();
        }
    }
}
