package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.protocol.Request;
import chamada.rollcall.ClassId;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.RollCallEvents;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live views' event streams (Server-Sent Events): what happens to one roll call, as the store
 * publishes it, and each new code as it turns, until the roll call closes, the reader goes away
 * or the server stops.
 *
 * <p>Design note. Each stream is a request on its own virtual thread, which waits on a bounded
 * queue the store's listener only offers to: the store's thread never waits for a reader, and a
 * reader too slow to take {@value #QUEUED} events is dropped (its page reconnects and reloads
 * the state) rather than holding memory. A comment line every {@link #KEEP_ALIVE} keeps proxies
 * and the web server's idle timeout from closing a quiet stream.
 */
final class EventStreams implements AutoCloseable {

    static final int QUEUED = 1_024;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(10);
    /** How long a stream gathers events after the first before it writes them. */
    static final Duration GATHER = Duration.ofMillis(250);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final long REPLY_SECONDS = 60;

    private final Application application;
    private final AtomicBoolean stopping = new AtomicBoolean();

    EventStreams(Application application) {
        this.application = application;
    }

    /**
     * Streams the roll call of {@code classId} to {@code response}, matrículas {@code masked} for
     * a projector, if {@code session} may read it; otherwise returns the refusal to send instead,
     * having written nothing.
     */
    Optional<chamada.protocol.Response> serve(Session session, ClassId classId, boolean masked, Response response,
                                              Callback callback) throws Exception {
        // The store's thread only hands the event over; the stream's own thread writes its text.
        BlockingQueue<RollCallEvent> queue = new ArrayBlockingQueue<>(QUEUED);
        AtomicBoolean overflowed = new AtomicBoolean();
        Semaphore halfFull = new Semaphore(0);
        // Subscribed before the status is read, so nothing falls between the two.
        try (RollCallEvents.Subscription subscription = application.events().subscribe(classId, event -> {
            if (!queue.offer(event)) {
                overflowed.set(true);
            } else if (queue.size() >= QUEUED / 2) {
                halfFull.release();
            }
        })) {
            chamada.protocol.Response status;
            try {
                status = application.handle(session, new Request.Status(classId)).get(REPLY_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return Optional.of(application.refusal(session, new chamada.error.ChamadaException(
                        chamada.error.ErrorCode.INTERNAL)));
            }
            if (!(status instanceof chamada.protocol.Response.RollCallReply open)) {
                return Optional.of(status);
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            if (stream(open, masked, queue, halfFull, overflowed, response)) {
                callback.succeeded();
            } else {
                // The reader is gone or stalled: the response ends as failed, its connection closed.
                callback.failed(new java.io.IOException("event stream reader gone or too slow"));
            }
        }
        return Optional.empty();
    }

    /** Streams until the roll call closes or the server stops (true), or the reader fails (false). */
    private boolean stream(chamada.protocol.Response.RollCallReply open, boolean masked, BlockingQueue<RollCallEvent> queue,
                           Semaphore halfFull, AtomicBoolean overflowed, Response response) throws InterruptedException {
        Optional<CurrentCode> shown = application.currentCode(open.rollCall().rules());
        // Written at once, so the reader has the headers before anything happens.
        // A projector (masked) also gets the roll call as it stands now: what happened between
        // its page's load and this stream, or during a reconnect, would be missing otherwise.
        ServerSentEvents.Batch batch = new ServerSentEvents.Batch().retry();
        if (masked) {
            batch.state(open.rollCall());
        }
        shown.ifPresent(batch::code);
        if (!write(response, batch)) {
            return false;
        }
        Instant lastWrite = Instant.now();
        while (!stopping.get() && !overflowed.get()) {
            RollCallEvent next = queue.poll(1, TimeUnit.SECONDS);
            List<RollCallEvent> events = new ArrayList<>();
            if (next != null) {
                events.add(next);
                // A busy roll call's events are gathered for a moment and go in one write: one
                // wake-up and one write per batch rather than per check-in, well within the second
                // a live view has to show a check-in. The wait ends early when the queue half
                // fills, so a reader is dropped only when it cannot keep up, never for waiting.
                if (queue.size() < QUEUED / 2) {
                    halfFull.tryAcquire(GATHER.toMillis(), TimeUnit.MILLISECONDS);
                }
                queue.drainTo(events);
                halfFull.drainPermits();
            }
            Optional<CurrentCode> now = application.currentCode(open.rollCall().rules());
            boolean codeTurned = !now.equals(shown);
            boolean quiet = Duration.between(lastWrite, Instant.now()).compareTo(KEEP_ALIVE) >= 0;
            if (events.isEmpty() && !codeTurned && !quiet) {
                continue;
            }
            if (codeTurned) {
                batch.code(now.orElseThrow());
                shown = now;
            }
            events.forEach(event -> batch.event(event, masked));
            if (batch.isEmpty()) {
                batch.keepAlive();
            }
            if (!write(response, batch)) {
                return false;
            }
            lastWrite = Instant.now();
            if (events.stream().anyMatch(RollCallEvent.Closed.class::isInstance)) {
                return true;
            }
        }
        return !overflowed.get();
    }

    /** Writes {@code batch}, emptying it, and waits for it to go; false if the reader is gone or too slow. */
    private static boolean write(Response response, ServerSentEvents.Batch batch) throws InterruptedException {
        Callback.Completable written = new Callback.Completable();
        response.write(false, batch.take(), written);
        try {
            written.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Ends every stream within a second, for a server that stops. */
    @Override
    public void close() {
        stopping.set(true);
    }
}
