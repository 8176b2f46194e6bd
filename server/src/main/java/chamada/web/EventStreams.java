package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.messages.ClassMessage;
import chamada.protocol.Request;
import chamada.rollcall.ClassId;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.RollCallEvents;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live views' event streams (Server-Sent Events): what happens to one roll call, as the store
 * publishes it, and each new code as it turns, until the roll call closes, the reader goes away
 * or the server stops; or a class's messages and the question it shows, until the reader goes
 * away or the server stops ({@link LiveView}).
 *
 * <p>Design note. One writer thread serves every stream of the server: every {@link #GATHER}
 * it takes each stream's queued events, writes them as one batch, and checks its code and its
 * keep-alive. A stream costs no thread and no wake-up of its own, whatever the number of live
 * views: with a thread per stream, 500 busy streams woke their carriers thousands of times a
 * second (BENCHMARKS.md, "Issue 10"). The store's listener only appends to a stream's queue, so
 * the store's thread never waits for a reader; a reader more than {@value #QUEUED} events behind,
 * or whose write has not gone for {@link #WRITE_TIMEOUT}, is dropped (its page reconnects and
 * reloads the state) rather than holding memory. A comment line every {@link #KEEP_ALIVE} keeps
 * proxies and the web server's idle timeout from closing a quiet stream.
 */
final class EventStreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private static final int QUEUED = 16_384;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);
    /** How often the writer writes what each stream has gathered: well within the second a live view has. */
    private static final Duration GATHER = Duration.ofMillis(250);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final long REPLY_SECONDS = 60;
    private static final long NOT_WRITING = Long.MIN_VALUE;
    /**
     * How long a class view's stream lasts before it ends and its page reconnects. A roll call's
     * stream ends with its roll call; a class's would never end, so its reconnect is when the
     * teacher's session is asked again (one logged out, taken off the class or disabled stops
     * hearing within this), and when the question shown is read again (a purge or a forget tells
     * no view). The page loses nothing: the stream begins with the question shown and the
     * messages its page lacks.
     */
    static final Duration CLASS_VIEW_LIFETIME = Duration.ofSeconds(30);
    /** The most events one write carries; a busier stream's rest goes at the next pass. */
    private static final int EVENTS_PER_WRITE = 4_096;

    private final Application application;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chamada-event-streams").daemon(true).factory());
    private final AtomicBoolean stopping = new AtomicBoolean();

    EventStreams(Application application) {
        this.application = application;
        writer.scheduleWithFixedDelay(this::writeAll, GATHER.toMillis(), GATHER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Streams {@code classId} to {@code response} as {@code view} shows it, if {@code session}
     * may read it; otherwise returns the refusal to send instead, having written nothing. An
     * inbox's stream begins with the messages after number {@code after} (those its page did not
     * show), a question screen's and an inbox's with the question shown. A stream outlives this
     * call: the writer completes {@code callback} when the stream ends.
     */
    Optional<chamada.protocol.Response> serve(Session session, ClassId classId, LiveView view, long after,
                                              Response response, Callback callback) throws Exception {
        Stream stream = new Stream(session, classId, view, response, callback);
        // Subscribed before the state is read, so nothing falls between the two.
        stream.subscription = application.events().subscribe(classId, stream::hear);
        try {
            return start(session, classId, stream, after, response);
        } catch (Exception | Error e) {
            stream.subscription.close();
            throw e;
        }
    }

    /** Reads the roll call or the inbox, writes the stream's first batch and hands it to the writer. */
    private Optional<chamada.protocol.Response> start(Session session, ClassId classId, Stream stream, long after,
                                                       Response response) throws Exception {
        LiveView view = stream.view;
        chamada.protocol.Response state;
        try {
            state = application.handle(session, view.followsRollCall() ? new Request.Status(classId)
                    : new Request.Inbox(classId, false)).get(REPLY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stream.subscription.close();
            return Optional.of(application.refusal(session, new chamada.error.ChamadaException(
                    chamada.error.ErrorCode.INTERNAL)));
        }
        if (!(state instanceof chamada.protocol.Response.RollCallReply
                || state instanceof chamada.protocol.Response.Inbox)) {
            stream.subscription.close();
            return Optional.of(state);
        }
        if (stopping.get()) {
            stream.subscription.close();
            return Optional.of(application.refusal(session, new chamada.error.ChamadaException(
                    chamada.error.ErrorCode.SHUTTING_DOWN)));
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Written at once, so the reader has the headers before anything happens. A projector
        // also gets the roll call as it stands now, an inbox the messages its page lacks, and
        // both class views the question shown: what happened between the page's load and this
        // stream, or during a reconnect, would be missing otherwise.
        stream.batch.retry();
        if (state instanceof chamada.protocol.Response.RollCallReply open) {
            stream.rollCall = open;
            stream.shown = application.currentCode(open.rollCall().rules());
            if (view.masks()) {
                stream.batch.state(open.rollCall());
            }
            stream.shown.ifPresent(stream.batch::code);
        } else if (state instanceof chamada.protocol.Response.Inbox inbox) {
            inbox.messages().stream().filter(message -> message.id() > after)
                    .forEach(message -> stream.batch.event(message.event(), view));
            stream.batch.event(new RollCallEvent.QuestionShown(classId, inbox.shown().map(ClassMessage::asQuestion),
                    application.now()), view);
        }
        Callback.Completable first = new Callback.Completable();
        response.write(false, stream.batch.take(), first);
        try {
            first.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stream.end(false);
            return Optional.empty();
        }
        stream.lastWrite = System.nanoTime();
        streams.add(stream);
        if (stopping.get()) {
            stream.end(true); // the server began to stop meanwhile, after close() looked at the streams
        }
        return Optional.empty();
    }

    /** On the writer thread: each stream's gathered events, code and keep-alive. */
    private void writeAll() {
        long now = System.nanoTime();
        for (Stream stream : streams) {
            // Whatever one stream throws, the writer goes on: an exception out of a scheduled
            // task would cancel it, silently, for every stream.
            try {
                stream.write(now);
            } catch (Throwable e) {
                log.error("An event stream failed; ending it", e);
                try {
                    stream.end(false);
                } catch (Throwable ending) {
                    log.error("Ending an event stream failed", ending);
                }
            }
        }
    }

    /** How many streams are open now. */
    int open() {
        return streams.size();
    }

    /**
     * Ends every stream, for a server that stops: those with nothing on the way end as complete
     * responses, those still writing are cut.
     */
    @Override
    public void close() {
        stopping.set(true);
        // Not shutdownNow: an interrupted writer would close the socket it is writing to.
        writer.shutdown();
        boolean idle = false;
        try {
            idle = writer.awaitTermination(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean writerDone = idle;
        streams.forEach(stream -> stream.end(writerDone && stream.writingSince == NOT_WRITING));
    }

    /** One reader's stream. Its fields are the writer thread's, but for the queue and the flags. */
    private final class Stream {

        private final Session session;
        private final ClassId classId;
        private final LiveView view;
        private final Response response;
        private final Callback callback;
        private final Queue<RollCallEvent> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicBoolean ended = new AtomicBoolean();
        private final ServerSentEvents.Batch batch = new ServerSentEvents.Batch();
        private volatile boolean overflowed;
        /** When the write under way began, or {@link #NOT_WRITING}. */
        private volatile long writingSince = NOT_WRITING;
        private RollCallEvents.Subscription subscription;
        private chamada.protocol.Response.RollCallReply rollCall;
        private Optional<CurrentCode> shown = Optional.empty();
        private long lastWrite;
        private boolean closing;
        private final long startedAt = System.nanoTime();
        private long accessCheckedAt = startedAt;
        private volatile boolean checkingAccess;
        private volatile boolean revoked;

        Stream(Session session, ClassId classId, LiveView view, Response response, Callback callback) {
            this.session = session;
            this.classId = classId;
            this.view = view;
            this.response = response;
            this.callback = callback;
        }

        /** On the store's thread: only queues, and only what this view shows. */
        void hear(RollCallEvent event) {
            if (!view.shows(event)) {
                return;
            }
            if (queued.incrementAndGet() > QUEUED) {
                overflowed = true;
                return;
            }
            queue.add(event);
        }

        void write(long now) {
            if (overflowed) {
                end(false);
                return;
            }
            long writing = writingSince;
            if (writing != NOT_WRITING) {
                if (now - writing > WRITE_TIMEOUT.toNanos()) {
                    end(false); // the reader is gone or stalled
                }
                return;
            }
            if (revoked) {
                end(true); // nothing more, not even what was gathered: its reader may no longer hear it
                return;
            }
            if (closing) {
                return;
            }
            if (view.followsRollCall() && !checkingAccess && now - accessCheckedAt >= application.liveViewCheck().toNanos()) {
                checkAccess(now);
            }
            if (!view.followsRollCall() && now - startedAt >= CLASS_VIEW_LIFETIME.toNanos()) {
                closing = true;
            }
            if (view.followsRollCall()) {
                Optional<CurrentCode> code = application.currentCode(rollCall.rollCall().rules());
                if (!code.equals(shown)) {
                    code.ifPresent(batch::code);
                    shown = code;
                }
            }
            for (int taken = 0; taken < EVENTS_PER_WRITE; taken++) {
                RollCallEvent event = queue.poll();
                if (event == null) {
                    break;
                }
                queued.decrementAndGet();
                if (!view.followsRollCall()) {
                    batch.event(event, view);
                    continue;
                }
                OffsetDateTime openedAt = rollCall.rollCall().openedAt();
                if (event instanceof RollCallEvent.Opened opened && !opened.at().isEqual(openedAt)) {
                    // Another roll call of the class, its close never heard here (nodes on PostgreSQL lose
                    // one now and then): this stream ends, and its reader, reconnecting, reads the new one.
                    closing = true;
                    break;
                }
                if (event instanceof RollCallEvent.Opened || event.at().isBefore(openedAt)) {
                    continue; // its own opening, or an earlier roll call's event heard late
                }
                batch.event(event, view);
                if (event instanceof RollCallEvent.Closed) {
                    closing = true;
                    break;
                }
            }
            if (closing && batch.isEmpty()) {
                end(true);
                return;
            }
            if (batch.isEmpty() && now - lastWrite >= KEEP_ALIVE.toNanos()) {
                batch.keepAlive();
            }
            if (batch.isEmpty()) {
                return;
            }
            lastWrite = now;
            writingSince = now;
            boolean last = closing;
            response.write(false, batch.take(), Callback.from(() -> {
                writingSince = NOT_WRITING;
                if (last) {
                    end(true);
                }
            }, failure -> end(false)));
        }

        /** Asks whether the reader may still read the roll call, without waiting for the answer; a refusal ends the stream. */
        private void checkAccess(long now) {
            accessCheckedAt = now;
            checkingAccess = true;
            application.mayStillHear(session, classId).whenComplete((refusal, failure) -> {
                revoked = refusal != null && refusal.isPresent();
                checkingAccess = false;
            });
        }

        /** Ends the stream once: succeeded when its roll call closed or the server stops, failed for a lost reader. */
        void end(boolean succeeded) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            streams.remove(this);
            if (subscription != null) {
                subscription.close();
            }
            if (succeeded) {
                callback.succeeded();
            } else {
                // The reader is gone or stalled: the response ends as failed, its connection closed.
                callback.failed(new IOException("event stream reader gone or too slow"));
            }
        }
    }
}
