package chamada.server.nativeport;

import chamada.net.TlsCertificate;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLException;
import java.time.Duration;

/**
 * The native port's TLS: Netty's {@link SslHandler} over the JDK's own TLS (no native library),
 * with the server's one certificate ({@code --tls-cert}, as the web front's HTTPS), speaking
 * TLS 1.3 and 1.2 only. The cipher suites are the JDK's defaults for those versions, which leave
 * out the weak ones.
 *
 * <p>Immutable; one per port, shared by its event loops, each connection taking a handler of its own.
 */
final class NativeTls {

    /** The versions spoken; TLS 1.0 and 1.1 (RFC 8996) and SSL are refused at the handshake. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /**
     * How long a client has, from its connection, to send its first byte and then to finish its
     * handshake: a TLS client speaks at once, and a connection that does not is closed before it
     * is counted or served.
     */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final SslContext context;

    private NativeTls(SslContext context) {
        this.context = context;
    }

    /** The TLS of a port that serves {@code certificate}. */
    static NativeTls of(TlsCertificate certificate) throws SSLException {
        return new NativeTls(SslContextBuilder.forServer(certificate.keyManagers())
                .sslProvider(SslProvider.JDK)
                .protocols(PROTOCOLS)
                .build());
    }

    /** A handler for one connection, the server's side of its handshake. */
    SslHandler handler(ByteBufAllocator allocator) {
        SslHandler handler = context.newHandler(allocator);
        handler.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT.toMillis());
        return handler;
    }
}
