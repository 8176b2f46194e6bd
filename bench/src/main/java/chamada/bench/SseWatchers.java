package chamada.bench;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Projector pages, simulated: N live-view event streams ({@code GET
 * /api/v1/classes/{class}/roll-call/events}, PROTOCOL.md "Events") open on the bench's classes,
 * round robin, while the check-in load runs, to measure what they cost the server. Each stream's
 * bytes are read as they come and dropped, counting only its {@code event: checkin} and
 * {@code event: close} lines ({@link EventLines}), so that the check at the end can say whether
 * every check-in reached every stream of its class. A stream is asked as a teacher in open mode,
 * from the server's machine, with no credentials.
 *
 * <p>Design note. The readers must cost the bench little, since it shares the cores with the
 * server: one Jetty {@link HttpClient} holds every stream, one connection each, and reads them
 * asynchronously on its few threads; no thread waits for a stream.
 *
 * <p>Threads: {@link #open} and {@link #finish} run on the generator's main thread; each stream's
 * callbacks on Jetty's threads, one at a time per stream.
 */
public final class SseWatchers implements AutoCloseable {

    /** At most this many streams: each is a connection, and a server allows 1,000 per address by default. */
    public static final int MAX_STREAMS = 10_000;

    private final String host;
    private final int port;
    private final Duration timeout;
    private final int count;
    private final HttpClient client;
    private final List<Stream> streams = new ArrayList<>();
    private int classes;

    private SseWatchers(String host, int port, Duration timeout, int count, HttpClient client) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.count = count;
        this.client = client;
    }

    /** Watchers for the web front at {@code host:port}, their HTTP client started; none open yet. */
    public static SseWatchers start(String host, int port, Duration timeout, int count) throws IOException {
        if (count < 1 || count > MAX_STREAMS) {
            throw new IllegalArgumentException("--sse-watchers must be from 1 to " + MAX_STREAMS + ", got " + count);
        }
        HttpClient client = JettyClient.start(count, timeout);
        return new SseWatchers(host, port, timeout, count, client);
    }

    public int count() {
        return count;
    }

    /**
     * Opens the streams, stream {@code i} on class {@code classIds[i mod K]}, and returns once
     * every one has its headers: the server subscribes a stream to its class before it answers,
     * so no check-in made after this returns can be missed.
     *
     * @throws IOException when a stream is refused or not answered in time, saying why
     */
    public void open(List<Integer> classIds) throws IOException {
        classes = Math.min(count, classIds.size());
        for (int i = 0; i < count; i++) {
            Stream stream = new Stream(classIds.get(i % classIds.size()));
            streams.add(stream);
            client.newRequest(host, port).path("/api/v1/classes/" + stream.classId + "/roll-call/events")
                    .headers(headers -> headers.put(HttpHeader.ACCEPT, "text/event-stream"))
                    .idleTimeout(0, TimeUnit.MILLISECONDS).send(stream);
        }
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(10L * count);
        for (Stream stream : streams) {
            int status = await(stream.headers, deadline, "open the event stream of class " + stream.classId);
            if (status != 200) {
                await(stream.ended, deadline, "read the refusal of class " + stream.classId);
                throw new IOException("cannot open the event stream of class " + stream.classId + ": HTTP " + status
                        + " " + stream.refusal.toString().strip());
            }
        }
    }

    /**
     * Waits until every stream has ended (their classes were closed), then compares what each
     * heard with the check-ins acknowledged in its class; a stream may hear up to
     * {@code inDoubt} more.
     */
    public WatchResult finish(Map<Integer, long[]> acknowledged, long inDoubt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems = new ArrayList<>();
        long checkins = 0;
        long expected = 0;
        long bytes = 0;
        int unhappy = 0;
        for (Stream stream : streams) {
            String where = "stream on class " + stream.classId + ": ";
            String problem = null;
            try {
                stream.ended.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                problem = where + "still open " + timeout.toMillis() + " ms after its class was closed";
            } catch (ExecutionException e) {
                problem = where + "failed: " + e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = where + "interrupted";
            }
            // Read after the stream ended: its last callback happened before the future completed.
            long heard = stream.lines.checkins();
            long made = acknowledged.getOrDefault(stream.classId, new long[0]).length;
            if (problem == null && stream.lines.closes() != 1) {
                problem = where + "ended without the close event (the server drops a reader "
                        + "too far behind), having heard " + heard + " of " + made + " check-ins";
            } else if (problem == null && (heard < made || heard > made + inDoubt)) {
                problem = where + "heard " + heard + " check-in events, but " + made + " were made"
                        + (inDoubt > 0 ? " (and " + inDoubt + " in doubt)" : "");
            }
            if (problem != null) {
                unhappy++;
                if (problems.size() < WatchResult.MAX_PROBLEMS) {
                    problems.add(problem);
                }
            }
            checkins += heard;
            expected += made;
            bytes += stream.lines.bytes();
        }
        if (unhappy > problems.size()) {
            problems.add("… and " + (unhappy - problems.size()) + " more streams like these");
        }
        return new WatchResult(count, classes, checkins, expected, bytes, problems);
    }

    /** Stops the client, ending whatever stream is still open. */
    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // Nothing left to release.
        }
    }

    private <T> T await(CompletableFuture<T> future, long deadline, String what) throws IOException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            String hint = e.getCause() instanceof java.net.ConnectException
                    ? " (is the server's web front on at this port? chamada server --http-port PORT)" : "";
            throw new IOException("cannot " + what + " at http://" + host + ":" + port + ": " + e.getCause().getMessage()
                    + hint, e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("cannot " + what + ": no answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** One event stream: its class, its counts, and two moments, the headers and the end. */
    private static final class Stream implements Response.Listener {

        private static final int MAX_REFUSAL_CHARS = 300;

        final int classId;
        final EventLines lines = new EventLines();
        final CompletableFuture<Integer> headers = new CompletableFuture<>();
        final CompletableFuture<Result> ended = new CompletableFuture<>();
        final StringBuilder refusal = new StringBuilder();
        private int status;

        Stream(int classId) {
            this.classId = classId;
        }

        @Override
        public void onHeaders(Response response) {
            status = response.getStatus();
            headers.complete(status);
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            if (status == 200) {
                lines.feed(content);
            } else if (refusal.length() < MAX_REFUSAL_CHARS) {
                refusal.append(StandardCharsets.UTF_8.decode(content));
            }
        }

        @Override
        public void onComplete(Result result) {
            if (result.isFailed()) {
                headers.completeExceptionally(result.getFailure());
                ended.completeExceptionally(result.getFailure());
            } else {
                ended.complete(result);
            }
        }
    }
}
