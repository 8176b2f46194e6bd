package chamada.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the PROXY protocol header (v1 or v2) a trusted load balancer sends first on a
 * connection served by a blocking thread, as the legacy ports are. Netty's
 * {@link HAProxyMessageDecoder} parses it; this only feeds it the socket's bytes one at a time,
 * so that not a byte past the header is taken from the client's own stream.
 */
public final class ProxyHeaderReader {

    /** A balancer writes the header as it connects; a connection silent for this long is closed. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ProxyHeaderReader() {
    }

    /**
     * The client the header names (see {@link ProxiedClient}), or empty when the connection
     * ended, or sent something that is not a header, before one was read: such a connection is
     * to be closed unanswered, as the protocol asks. Sets the socket's read timeout to
     * {@link #TIMEOUT}; the caller sets its own after.
     */
    public static Optional<InetAddress> read(Socket socket) throws IOException {
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        InputStream in = socket.getInputStream();
        EmbeddedChannel decoder = new EmbeddedChannel(new HAProxyMessageDecoder());
        try {
            while (true) {
                int next = in.read();
                if (next < 0) {
                    return Optional.empty();
                }
                try {
                    decoder.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) next}));
                } catch (DecoderException notAHeader) {
                    return Optional.empty();
                }
                HAProxyMessage header = decoder.readInbound();
                if (header != null) {
                    try {
                        return Optional.of(ProxiedClient.of(header, socket.getInetAddress()));
                    } finally {
                        header.release();
                    }
                }
                if (!decoder.isOpen()) {
                    return Optional.empty();
                }
            }
        } finally {
            decoder.finishAndReleaseAll();
        }
    }
}
