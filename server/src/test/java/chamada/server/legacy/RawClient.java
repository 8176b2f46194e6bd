package chamada.server.legacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A test client of a legacy port that writes exactly the bytes it is given and reads exactly
 * the bytes it expects: the legacy replies have no framing, so a transcript knows how many
 * bytes each reply is. Every read is bounded by {@link #TIMEOUT}.
 */
final class RawClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawClient connect(int port) {
        try {
            return new RawClient(new Socket("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} as one segment (one {@code send} of the seed). */
    RawClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawClient send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code text} and shuts the output: the server answers, sees the end, and closes; see {@link #readToEnd()}. */
    RawClient sendLast(String text) {
        return sendLast(text.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #sendLast(String)}, with raw bytes. */
    RawClient sendLast(byte[] bytes) {
        send(bytes);
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Reads as many bytes as {@code expected} has and asserts they are exactly those. */
    RawClient expect(String expected) {
        byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
        byte[] got = read(wanted.length);
        assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(got).isEqualTo(wanted);
        return this;
    }

    /**
     * Reads as many bytes as {@code expected} has and asserts they equal it once every match of
     * {@code variable} in both is replaced by {@code placeholder} (for times, which keep their width).
     */
    RawClient expectLike(String expected, Pattern variable, String placeholder) {
        byte[] got = read(expected.getBytes(StandardCharsets.UTF_8).length);
        String actual = new String(got, StandardCharsets.UTF_8);
        assertThat(variable.matcher(actual).replaceAll(placeholder))
                .as("documented: %s%n  actual:     %s", expected, actual)
                .isEqualTo(variable.matcher(expected).replaceAll(placeholder));
        return this;
    }

    /** Sends {@code message} and expects exactly {@code reply}. */
    RawClient exchange(String message, String reply) {
        return send(message).expect(reply);
    }

    /** Reads until the server closes the connection, at most {@link #TIMEOUT}; returns all of it as UTF-8. */
    String readToEnd() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                all.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            fail("the server did not close within " + TIMEOUT + "; got so far: " + all.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A reset after the last reply is a close too.
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Asserts the server closed the connection: the next read is the end of the stream. */
    void expectClosed() {
        assertThat(readToEnd()).as("bytes after the last reply").isEmpty();
    }

    private byte[] read(int length) {
        byte[] got = new byte[length];
        int have = 0;
        try {
            while (have < length) {
                int read = in.read(got, have, length - have);
                if (read < 0) {
                    fail("the server closed after " + have + " of " + length + " bytes: "
                            + new String(got, 0, have, StandardCharsets.UTF_8));
                }
                have += read;
            }
        } catch (SocketTimeoutException e) {
            fail("no complete reply within " + TIMEOUT + "; got " + have + " of " + length + " bytes: "
                    + new String(got, 0, have, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return got;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
