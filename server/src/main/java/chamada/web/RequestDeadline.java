package chamada.web;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The web front's deadline for a whole request: a connection must bring a request's line and
 * headers within the idle timeout of its opening, or of its previous response's end, or it is
 * closed unanswered.
 *
 * <p>Design note. Jetty's idle timeout restarts with every byte read, so a client that trickles
 * a header a byte at a time (slowloris) would hold its connection, and its place in the
 * per-address limit, for as long as it liked. Jetty 12 has no deadline for the headers; a
 * handler learns of a request only once its headers are whole. So each connection counts the
 * requests it started, and each wait for a request schedules a look, one deadline later, that
 * closes the connection if no new request has started since. A request being handled (an event
 * stream, a download) is not this class's business: Jetty's idle timeout ends one whose client
 * stops reading. A body trickled after whole headers is not covered either: the handlers read
 * bodies with their own limits.
 *
 * <p>Runs on Jetty's selector threads (opening, closing), the request's thread (handle), and
 * Jetty's scheduler (the look); thread-safe.
 */
final class RequestDeadline extends Handler.Wrapper implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);

    private final Duration deadline;
    private final Scheduler scheduler;
    /** Each open connection's count of requests started, so a look can tell whether one came. */
    private final ConcurrentMap<Connection, Long> started = new ConcurrentHashMap<>();

    RequestDeadline(Duration deadline, Scheduler scheduler, Handler handler) {
        super(handler);
        this.deadline = deadline;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof SslConnection) {
            // Under TLS the HTTP connection inside is opened with it, and watched: the handshake is within its deadline.
            return;
        }
        started.put(connection, 0L);
        expectRequest(connection, 0L);
    }

    @Override
    public void onClosed(Connection connection) {
        started.remove(connection);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        Long count = started.computeIfPresent(connection, (key, requests) -> requests + 1);
        if (count == null) {
            return super.handle(request, response, callback);
        }
        boolean handled = super.handle(request, response, Callback.from(callback, () -> expectRequest(connection, count)));
        if (!handled) {
            expectRequest(connection, count);
        }
        return handled;
    }

    /** Closes {@code connection} one deadline from now unless a request after the {@code count}th has started by then. */
    private void expectRequest(Connection connection, long count) {
        scheduler.schedule(() -> {
            Long now = started.get(connection);
            if (now != null && now == count) {
                log.debug("Closing a web connection from {}: no whole request within {} s",
                        connection.getEndPoint().getRemoteSocketAddress(), deadline.toSeconds());
                connection.getEndPoint().close();
            }
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
    }
}
