package chamada.web;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.CyclicTimeout;
import org.eclipse.jetty.server.ConnectionMetaData;
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
 * handler learns of a request only once its headers are whole. So each connection that carries
 * requests has one re-armable timer ({@link CyclicTimeout}, one scheduler task per connection
 * however many requests it carries, cancelled when it closes, so a closed connection is not kept
 * in memory until its deadline): it is armed while the connection waits for a request and
 * disarmed while one is being handled, and it closes the connection when it goes off. It is
 * re-armed before the response's callback completes, because the next request is read only after
 * that. A request being handled (an event stream, a download) is not this class's business: Jetty's
 * idle timeout ends one whose client stops reading. A body trickled after whole headers is not
 * covered either: the handlers read bodies with their own limits, and the idle timeout only ends
 * a body that stops.
 *
 * <p>Runs on Jetty's selector threads (opening, closing), the request's thread (handle), and
 * Jetty's scheduler (the timer); thread-safe.
 */
final class RequestDeadline extends Handler.Wrapper implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);

    private final Duration deadline;
    private final Scheduler scheduler;
    /** Each open connection's timer. */
    private final ConcurrentMap<Connection, Timer> timers = new ConcurrentHashMap<>();

    RequestDeadline(Duration deadline, Scheduler scheduler, Handler handler) {
        super(handler);
        this.deadline = deadline;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        // Only a connection that carries requests is watched: under TLS that is the one inside, opened with the
        // TLS one, so the handshake is within its deadline; a wrapper like TLS never sees a request to disarm it.
        if (!(connection instanceof ConnectionMetaData)) {
            return;
        }
        Timer timer = new Timer(connection);
        timers.put(connection, timer);
        timer.arm();
    }

    @Override
    public void onClosed(Connection connection) {
        Timer timer = timers.remove(connection);
        if (timer != null) {
            timer.close();
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Timer timer = timers.get(request.getConnectionMetaData().getConnection());
        if (timer == null) {
            return super.handle(request, response, callback);
        }
        timer.cancel();
        boolean handled = false;
        try {
            handled = super.handle(request, response, Callback.from(timer::arm, callback));
            return handled;
        } finally {
            if (!handled) {
                timer.arm();
            }
        }
    }

    /** Closes its connection when it goes off: no whole request came within the deadline. */
    private final class Timer extends CyclicTimeout {

        private final Connection connection;
        private volatile boolean closed;

        Timer(Connection connection) {
            super(scheduler);
            this.connection = connection;
        }

        /**
         * A request's callback may complete after its connection closed (a client that left mid-answer), and
         * {@link #destroy} does not stop a later schedule: armed then, the timer would keep the closed connection
         * in the scheduler's queue for the whole deadline.
         */
        void arm() {
            schedule(deadline.toNanos(), TimeUnit.NANOSECONDS);
            if (closed) {
                destroy();
            }
        }

        void close() {
            closed = true;
            destroy();
        }

        @Override
        public void onTimeoutExpired() {
            log.debug("Closing a web connection from {}: no whole request within {} s",
                    connection.getEndPoint().getRemoteSocketAddress(), deadline.toSeconds());
            connection.getEndPoint().close();
        }
    }
}
