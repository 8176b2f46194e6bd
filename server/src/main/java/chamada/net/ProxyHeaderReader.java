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
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the PROXY protocol header (v1 or v2) a trusted load balancer sends first on a
 * connection served by a blocking thread, as the legacy ports are. Netty's
 * {@link HAProxyMessageDecoder} parses it; this only feeds it the socket's bytes one at a time,
 * so that not a byte past the header is taken from the client's own stream.
 */
public final class ProxyHeaderReader {

    /** A balancer writes the header as it connects; a connection without one this long after is closed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * The most bytes of a v2 header's TLVs taken (HAProxy sends none unless asked): a trusted
     * peer cannot make a thread read the protocol's 64 KiB limit.
     */
    public static final int MAX_TLV_BYTES = 1_024;

    private ProxyHeaderReader() {
    }

    /**
     * The client the header names (see {@link ProxiedClient}), or empty when the connection
     * ended, sent something that is not a header, or sent no whole header within {@link #TIMEOUT}:
     * such a connection is to be closed unanswered, as the protocol asks. Changes the socket's read
     * timeout; the caller sets its own after.
     */
    public static Optional<InetAddress> read(Socket socket) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        InputStream in = socket.getInputStream();
        EmbeddedChannel decoder = new EmbeddedChannel(new HAProxyMessageDecoder(MAX_TLV_BYTES));
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                int next;
                try {
                    next = in.read();
                } catch (SocketTimeoutException slow) {
                    return Optional.empty();
                }
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
                        return ProxiedClient.of(header, socket.getInetAddress());
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
