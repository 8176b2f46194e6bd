package chamada.bench;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Starts the Jetty {@link HttpClient} the web-front side of the bench uses ({@link HttpTarget},
 * {@link SseWatchers}), set up to cost the cores it shares with the server as little as it can:
 * listeners on virtual threads, no cookie store (each request would look its address up in
 * it), no compressed replies asked for, no redirects, no {@code User-Agent}, no idle timeout (a
 * live view is quiet between check-ins; every wait of the bench has its own deadline).
 */
final class JettyClient {

    private JettyClient() {
    }

    /*
     * As the server's web front does (WebServer.threads()): platform threads for the selector, a
     * virtual thread for each task that reads a connection and runs the listeners. That cost the
     * bench less per HTTP check-in than the pool's platform threads when each lane was a virtual
     * thread of its own (BENCHMARKS.md, "Issue 10"); the streams of SseWatchers are read the same way.
     */
    private static QueuedThreadPool threads() {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("bench-http-io");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bench-http-", 0)
                .factory()));
        return pool;
    }

    /** A started client with room for {@code connections} connections to one server. */
    static HttpClient start(int connections, Duration connectTimeout) throws IOException {
        HttpClient client = new HttpClient();
        client.setExecutor(threads());
        client.setMaxConnectionsPerDestination(connections);
        client.setMaxRequestsQueuedPerDestination(Math.max(1_024, connections));
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(0);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.getContentDecoderFactories().clear();
        try {
            client.start();
        } catch (Exception e) {
            throw new IOException("cannot start the HTTP client: " + e, e);
        }
        return client;
    }
}
