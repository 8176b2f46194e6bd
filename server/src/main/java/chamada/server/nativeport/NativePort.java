package chamada.server.nativeport;

import chamada.application.Application;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.metrics.FrontMeters;
import chamada.net.AddressLimiter;
import chamada.net.ProxyHeaderReader;
import chamada.net.TlsCertificate;
import chamada.net.Watchdog;
import chamada.protocol.Json;
import chamada.protocol.RequestDecoder;
import chamada.protocol.ResponseEncoder;
import chamada.rollcall.Network;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.stream.ChunkedWriteHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The native front: one TCP port speaking Chamada's line protocol (PROTOCOL.md), its
 * connections served by a few event loops ({@link NativeSocket}), each connection a
 * {@link NativeConnection} answered through the server's {@link Application}. It decides
 * nothing: it frames, decodes, asks, encodes.
 *
 * <p>With the server's certificate it speaks TLS only ({@link NativeTls}): a plain client is told
 * so in plain text ({@link TlsStart}); without one, a TLS client is told this port does not speak
 * TLS ({@link PlainStart}). A load balancer's PROXY header comes first, in clear, either way.
 *
 * <p>Stopping takes three steps, like the legacy ports' listeners, so that the server stops
 * all its ports together.
 */
public final class NativePort implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(NativePort.class);

    private final NativeSocket socket;
    private final Application application;
    private final AddressLimiter limiter;
    private final Watchdog watchdog;
    private final Lang lang;
    private final int maxLineBytes;
    private final Duration idleTimeout;
    /** Load balancers whose connections begin with a PROXY protocol header naming the client. */
    private final List<Network> trustedProxies;
    /** The port's TLS, when it speaks TLS only; empty: plain TCP. */
    private final Optional<NativeTls> tls;
    private final RequestDecoder decoder;
    private final ResponseEncoder encoder;
    private final AtomicLong nextConnectionId = new AtomicLong(1);
    private final Map<EventLoop, LoopReplies> replies = new ConcurrentHashMap<>();
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * The native front on {@code socket}, already bound; it accepts once {@link #start} is
     * called. Replies are in {@code lang} until a client's {@code hello} chooses another. With a
     * {@code certificate}, the port speaks TLS only.
     *
     * @throws SSLException when the JDK's TLS will not take the certificate
     */
    public NativePort(NativeSocket socket, Application application, AddressLimiter limiter, Watchdog watchdog,
                      Lang lang, int maxLineBytes, Duration idleTimeout, List<Network> trustedProxies,
                      Optional<TlsCertificate> certificate) throws SSLException {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.tls = certificate.isEmpty() ? Optional.empty() : Optional.of(NativeTls.of(certificate.get()));
        certificate.ifPresent(served -> log.info("The native port speaks TLS with the certificate of {}", served));
        this.socket = socket;
        this.application = application;
        this.limiter = limiter;
        this.watchdog = watchdog;
        this.lang = lang;
        this.maxLineBytes = maxLineBytes;
        this.idleTimeout = idleTimeout;
        ObjectMapper json = Json.mapper();
        this.decoder = new RequestDecoder(json);
        this.encoder = new ResponseEncoder(json.getFactory());
    }

    public void start() {
        socket.accept(this::serve);
    }

    /** Where it listens; the port is the real one when the config asked for 0. */
    public InetSocketAddress address() {
        return socket.address();
    }

    /**
     * Its connections now ({@code chamada_connections{port="native"}}), and those of them
     * watching classes ({@code chamada_watchers{front="native"}}).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        FrontMeters.connections(registry, "native", open, Set::size);
        FrontMeters.watchers(registry, "native", this, NativePort::watchers);
    }

    private double watchers() {
        return open.stream().map(channel -> channel.pipeline().get(NativeConnection.class))
                .filter(connection -> connection != null && connection.watching()).count();
    }

    /** First step of stopping: no new connections. */
    public void stopAccepting() {
        stopping = true;
        socket.stopAccepting();
    }

    /** Second step: each connection ends after the request it is answering. */
    public void endConnections() {
        for (Channel channel : open) {
            NativeConnection connection = channel.pipeline().get(NativeConnection.class);
            if (connection != null) {
                channel.eventLoop().execute(connection::stop);
            }
        }
    }

    /** Last step: waits for the connections until {@code deadline}, then closes what is left. */
    public void awaitConnections(Instant deadline) {
        for (Channel channel : open) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!channel.closeFuture().awaitUninterruptibly(left, TimeUnit.MILLISECONDS)) {
                log.warn("Native connections still busy at the stop deadline; closing them");
                break;
            }
        }
        socket.close();
    }

    /**
     * Sets up one accepted connection, on its event loop: at once, or, from a trusted load
     * balancer, once its PROXY protocol header (always in clear, before any TLS) has named the client.
     */
    private void serve(Channel channel) {
        InetAddress peer = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        if (trustedProxies.stream().anyMatch(proxy -> proxy.contains(peer))) {
            channel.pipeline().addLast(new HAProxyMessageDecoder(ProxyHeaderReader.MAX_TLV_BYTES),
                    new ProxyHeader((context, client) -> {
                        start(channel, client);
                        context.fireChannelActive(); // the handlers added after the header's are active now
                    }));
            return;
        }
        start(channel, peer);
    }

    /**
     * Sets up one connection whose client is at {@code address}: on a TLS port, once its first
     * byte has shown it speaks TLS, behind TLS, and a plain client refused; on a plain port at once.
     */
    private void start(Channel channel, InetAddress address) {
        if (tls.isEmpty()) {
            channel.pipeline().addLast(new PlainStart(() -> refusalLine(address, ErrorCode.TLS_NOT_OFFERED)));
            serve(channel, address);
            return;
        }
        channel.pipeline().addLast(new TlsStart(context -> {
            // ChunkedWriteHandler: a download goes through TLS in chunks read from its file (NativeConnection).
            channel.pipeline().addLast(tls.get().handler(channel.alloc()), new ChunkedWriteHandler());
            serve(channel, address);
            context.fireChannelActive();
        }, context -> {
            channel.pipeline().addLast(new RefusedConnection(application.session(lang, address), application, decoder,
                    encoder, maxLineBytes, new ChamadaException(ErrorCode.TLS_REQUIRED)));
            context.fireChannelActive();
        }));
    }

    /** The reply line refusing a client at {@code address} with {@code code}, in the server's language. */
    private String refusalLine(InetAddress address, ErrorCode code) {
        return encoder.encode(application.refusal(application.session(lang, address), new ChamadaException(code))) + "\n";
    }

    /** Sets up one accepted connection, whose client is at {@code address}. */
    private void serve(Channel channel, InetAddress address) {
        var session = application.session(lang, address);
        if (!limiter.tryAcquire(address)) {
            channel.pipeline().addLast(new RefusedConnection(session, application, decoder, encoder, maxLineBytes,
                    new ChamadaException(ErrorCode.TOO_MANY_CONNECTIONS, limiter.limit())));
            return;
        }
        channel.closeFuture().addListener(closed -> limiter.release(address));
        // Added before the look at stopping, so that a stop beginning in between still reaches it.
        open.add(channel);
        channel.closeFuture().addListener(closed -> open.remove(channel));
        if (stopping) {
            open.remove(channel);
            channel.pipeline().addLast(new RefusedConnection(session, application, decoder, encoder, maxLineBytes,
                    new ChamadaException(ErrorCode.SHUTTING_DOWN)));
            return;
        }
        LoopReplies loopReplies = replies.computeIfAbsent(channel.eventLoop(), LoopReplies::new);
        channel.pipeline().addLast(new NativeConnection(nextConnectionId.getAndIncrement(), session, application,
                decoder, encoder, maxLineBytes, idleTimeout, loopReplies, watchdog));
    }
}
