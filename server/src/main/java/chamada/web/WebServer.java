package chamada.web;

import chamada.net.AddressLimiter;
import chamada.net.TlsCertificate;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The web front's HTTP server: Jetty 12 core handlers (no servlets) on {@link WebConfig}'s
 * address, serving the {@link WebRoutes} it is given, the assets, and the error pages.
 *
 * <p>Every response passes, outermost first: {@link RequestDeadline} (a request's headers must
 * come whole within the idle timeout, which Jetty restarts at every byte), {@link GracefulHandler} (requests in flight
 * finish when stopping), {@link SecurityHeaders}, {@link BodyLimit} (Jetty's 413 past the body
 * limit, but for a material's upload), the root context, then the routes. Jetty itself enforces the header limit (431) and the idle
 * timeout; {@link AddressLimit} the connections per address; {@link ErrorPage} writes every
 * error.
 *
 * <p>With a {@link TlsCertificate} in the config, the port speaks HTTPS only (HTTP/1.1 inside
 * TLS): Jetty's {@link SslConnectionFactory} over the JDK's TLS, with their defaults, which leave
 * out the old protocols and the weak ciphers. A plain HTTP request to that port fails its
 * handshake and gets no HTTP answer. No {@code Strict-Transport-Security} is sent (docs/DECISIONS.md, "Web
 * front").
 *
 * <p>Threads: Jetty's acceptor and selectors run on a few platform threads and never run a
 * handler; each request's handlers run on a virtual thread, so they may block (on a store
 * future, say).
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /** How long a graceful stop waits for requests in flight before closing connections. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    /** Requests handled at once; more wait for a turn. Far above a lecture hall of phones. */
    private static final int MAX_CONCURRENT_REQUESTS = 2_000;
    /** Platform threads: an acceptor, the selectors, and Jetty's own short non-blocking tasks. */
    private static final int MAX_PLATFORM_THREADS = 16;
    private static final int MIN_PLATFORM_THREADS = 2;

    /*
     * Jetty pads its queues to the CPU cache line, counted in object references. Unless told
     * how many fit in a line, it asks the JVM's HotSpotDiagnostic MBean whether references are
     * compressed, which starts the whole platform MBean server: the largest part of Jetty's
     * start-up. References are compressed with any heap under 32 GB, so 64-byte lines hold 16.
     */
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final Server server;
    private final ServerConnector connector;
    private final InetSocketAddress address;

    private WebServer(Server server, ServerConnector connector, InetSocketAddress address) {
        this.server = server;
        this.connector = connector;
        this.address = address;
    }

    /** Starts on {@code config} with a per-address limit of its own; returns once browsers can connect. */
    public static WebServer start(WebConfig config, WebRoutes routes) throws IOException {
        return start(config, routes, new AddressLimiter(config.maxConnectionsPerAddress()));
    }

    /**
     * Starts on {@code config}, counting connections in {@code limiter}, which the server's
     * other ports share; returns once browsers can connect.
     *
     * @throws IOException when the address cannot be bound (a port in use, say)
     */
    public static WebServer start(WebConfig config, WebRoutes routes, AddressLimiter limiter) throws IOException {
        if (limiter.limit() != config.maxConnectionsPerAddress()) {
            throw new IllegalArgumentException("The limiter allows " + limiter.limit()
                    + " connections per address, the config " + config.maxConnectionsPerAddress());
        }
        System.getProperties().putIfAbsent(REFERENCES_PER_CACHE_LINE, "16");
        Server server = new Server(threads());
        server.setStopTimeout(STOP_DEADLINE.toMillis());
        ServerConnector connector = connector(server, config);
        connector.addEventListener(new AddressLimit(limiter));
        server.addConnector(connector);
        server.setErrorHandler(new ErrorPage(new Pages(config.lang()), config));
        // Jetty's path mappings expect a context around them; the root one adds nothing else.
        ContextHandler root = new ContextHandler("/");
        root.setHandler(routes.handler(Assets.handler(ResourceFactory.of(root))));
        RequestDeadline deadline = new RequestDeadline(config.idleTimeout(), server.getScheduler(),
                new GracefulHandler(new SecurityHeaders(new BodyLimit(config.maxBodyBytes(), root))));
        connector.addEventListener(deadline);
        server.setHandler(deadline);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("The web front did not start", e);
        }
        return new WebServer(server, connector, new InetSocketAddress(config.bind(), connector.getLocalPort()));
    }

    /*
     * Jetty's programming guide ("Virtual Threads") prefers a QueuedThreadPool whose virtual
     * threads executor is a bounded VirtualThreadPool: the selectors, which live as long as
     * the server and never block on application code, keep platform threads, and each task
     * that may block (every handler) gets a virtual thread, bounded so that a flood of
     * requests cannot create threads without end. A VirtualThreadPool alone would also put the
     * selectors on virtual threads, for nothing.
     */
    private static QueuedThreadPool threads() {
        VirtualThreadPool handlers = new VirtualThreadPool(MAX_CONCURRENT_REQUESTS);
        handlers.setName("chamada-web");
        QueuedThreadPool pool = new QueuedThreadPool(MAX_PLATFORM_THREADS, MIN_PLATFORM_THREADS);
        pool.setName("chamada-web-io");
        pool.setVirtualThreadsExecutor(handlers);
        return pool;
    }

    private static ServerConnector connector(Server server, WebConfig config) {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(config.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ConnectionFactory[] factories = config.certificate().isEmpty()
                ? new ConnectionFactory[] {new HttpConnectionFactory(http)}
                : new ConnectionFactory[] {new SslConnectionFactory(sslContext(config.certificate().get()),
                        HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(http)};
        ServerConnector connector = new ServerConnector(server, factories);
        connector.setHost(config.bind().getHostAddress());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        return connector;
    }

    /*
     * The key store lives only in this object, so its password protects nothing: a random one,
     * since the JDK's PKCS12 store wants one to seal the key entry with.
     */
    private static SslContextFactory.Server sslContext(TlsCertificate certificate) {
        String password = new String(TlsCertificate.randomPassword());
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore("chamada", password.toCharArray()));
        tls.setKeyStorePassword(password);
        tls.setKeyManagerPassword(password);
        log.info("The web front serves HTTPS with the certificate of {}", certificate);
        return tls;
    }

    /** Where it listens; the port is the real one when the config asked for 0. */
    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /** How many connections are open now. */
    public int connections() {
        return connector.getConnectedEndPoints().size();
    }

    /**
     * Stops gracefully: no new connections, requests in flight finish (new requests on open
     * connections get 503), idle connections get Jetty's second to close, then every connection
     * closes; whatever is still running at {@link #STOP_DEADLINE} is cut off. Safe to call more
     * than once.
     */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Stopping the web front failed", e);
        }
    }
}
