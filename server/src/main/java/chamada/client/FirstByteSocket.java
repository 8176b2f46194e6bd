package chamada.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.OptionalInt;

/**
 * A TCP socket that remembers the first byte the server sent, under whatever reads it: a TLS
 * handshake that fails can then tell a server that answered in plain text (this port does not
 * speak TLS) from one that spoke TLS and refused. The JDK's TLS socket, layered over this one,
 * reads through {@link #getInputStream()}.
 *
 * <p>Its stream is asked for by the thread that connects (the TLS socket asks once, as it is
 * layered over this one); the byte is published to other threads by the volatile field.
 */
final class FirstByteSocket extends Socket {

    private static final int NONE = -1;

    private volatile int first = NONE;
    private InputStream in;

    /** The first byte the server sent, once it sent one. */
    OptionalInt firstByte() {
        int seen = first;
        return seen == NONE ? OptionalInt.empty() : OptionalInt.of(seen);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int read = super.read();
                    if (read >= 0 && first == NONE) {
                        first = read;
                    }
                    return read;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    if (read > 0 && first == NONE) {
                        first = buffer[offset] & 0xff;
                    }
                    return read;
                }
            };
        }
        return in;
    }
}
