package chamada.bench;

import chamada.error.ErrorCode;
import chamada.protocol.Json;
import chamada.protocol.ProtocolException;
import chamada.protocol.Response;
import chamada.protocol.ResponseDecoder;
import chamada.rollcall.CheckIn;
import io.netty.channel.EventLoop;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A Chamada server driven through its web front's JSON API (PROTOCOL.md, "JSON API"): each
 * check-in is {@code POST /api/v1/classes/{class}/check-ins} with {@code {"matricula":"..."}}
 * over an HTTP/1.1 keep-alive connection, and the reply is the native reply object, read by the
 * client library's own {@link ResponseDecoder}. The classes are opened with
 * {@code POST .../roll-call} and closed with {@code DELETE .../roll-call}, whose reply lists who
 * is present: the exactly-once check reads that list. Like {@link ChamadaTarget}, it needs a
 * server in open mode, and, since open mode answers teachers' calls only from the server's own
 * machine, a bench on that machine.
 *
 * <p>Design note. The client is Jetty's {@code jetty-client}, the project's HTTP library. The
 * JDK's {@code java.net.http.HttpClient} keeps no fixed number of HTTP/1.1 connections per host,
 * so "50 connections" would not be 50. Here each {@link Lane} owns one connection of its own,
 * made by {@link Destination#newConnection()} when the lane is opened (before the clock starts,
 * as a native lane's socket is) and used for one request at a time, kept alive between them, as
 * a phone's browser would. The client's pool, sized to the connections and a few more, serves
 * only the set-up and the check at the end.
 *
 * <p>Threads: Jetty's selector thread, and a virtual thread per read ({@link JettyClient}), parse
 * replies; each is then handed to its lane's loop as one task, so the generator's closed loop runs
 * on the loops for every target alike, and the next request is sent from there. Jetty sends
 * without blocking, so the loop never waits on it.
 */
public final class HttpTarget implements Target {

    /** The largest reply read: a close listing a whole class (about 60 bytes per student). */
    static final int MAX_REPLY_BYTES = 256 * 1024 * 1024;

    private static final ResponseDecoder DECODER = new ResponseDecoder(Json.mapper());
    private static final String JSON = "application/json";

    private final String host;
    private final int port;
    private final Duration timeout;
    private final HttpClient client;

    private HttpTarget(String host, int port, Duration timeout, HttpClient client) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.client = client;
    }

    /**
     * A target for the web front at {@code host:port}, with an HTTP client started for up to
     * {@code connections} lanes; {@link #close()} stops it.
     */
    public static HttpTarget start(String host, int port, Duration timeout, int connections) throws IOException {
        HttpClient client = JettyClient.start(connections + Parallel.WIDTH, timeout);
        return new HttpTarget(host, port, timeout, client);
    }

    @Override
    public String name() {
        return "http";
    }

    /** Opens each class; one left open by an earlier run is closed and opened again, so it starts empty. */
    @Override
    public void prepare(List<Integer> classIds) throws IOException {
        Parallel.forEach(classIds, this::noConnection, (none, classId) -> {
            Response opened = call(HttpMethod.POST, rollCall(classId), null);
            if (opened instanceof Response.Failure failure && failure.code() == ErrorCode.ALREADY_OPEN) {
                ChamadaTarget.expect(call(HttpMethod.DELETE, rollCall(classId), null), Response.RollCallReply.class,
                        "close class " + classId);
                opened = call(HttpMethod.POST, rollCall(classId), null);
            }
            ChamadaTarget.expect(opened, Response.Opened.class, "open class " + classId);
        });
    }

    /**
     * A connection of its own, made by the client's destination; each reply, parsed on Jetty's
     * threads, is handed to the lane's loop, where the closed loop runs.
     */
    @Override
    public CompletableFuture<Lane> connect(LaneLoops loops, Consumer<CheckInReply> replies) {
        Destination destination = client.resolveDestination(client.newRequest(host, port));
        EventLoop loop = loops.next();
        return destination.newConnection().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((connection, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        String why = cause instanceof TimeoutException ? "no answer in " + timeout.toMillis() + " ms"
                                : cause.getMessage() + hint(cause);
                        throw new CompletionException(new IOException("cannot connect to " + base() + ": " + why, cause));
                    }
                    return new HttpLane(connection, loop, replies);
                });
    }

    /** Closes each class through the API; its reply lists who is present, which is compared per matrícula. */
    @Override
    public ExactlyOnce verify(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException {
        Map<Integer, long[]> present = new ConcurrentHashMap<>();
        Parallel.forEach(List.copyOf(acknowledged.keySet()), this::noConnection, (none, classId) -> {
            Response.RollCallReply closed = ChamadaTarget.expect(call(HttpMethod.DELETE, rollCall(classId), null),
                    Response.RollCallReply.class, "close class " + classId);
            List<CheckIn> listed = closed.rollCall().present();
            long[] matriculas = new long[listed.size()];
            for (int i = 0; i < matriculas.length; i++) {
                matriculas[i] = Long.parseLong(listed.get(i).matricula().value());
            }
            present.put(classId, matriculas);
        });
        return ExactlyOnceCheck.members(acknowledged, present, inDoubt);
    }

    /** Stops the HTTP client and closes whatever connection is left. */
    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // Nothing left to release.
        }
    }

    /** {@code http://host:port}, for messages. */
    String base() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** One call through the client's pool, {@code body} null for none; its reply decoded. */
    private Response call(HttpMethod method, String path, String body) throws IOException {
        Request request = client.newRequest(host, port).method(method).path(path);
        if (body != null) {
            request.body(new StringRequestContent(JSON, body));
        }
        Reply reply = new Reply(MAX_REPLY_BYTES);
        request.send(reply);
        return reply.await(request, timeout);
    }

    /** Set-up and check calls share the client's pool: {@link Parallel} has nothing to open or close. */
    private AutoCloseable noConnection() {
        return () -> { };
    }

    private static String hint(Throwable failure) {
        return failure instanceof java.net.ConnectException
                ? " (is the server's web front on at this port? chamada server --http-port PORT)" : "";
    }

    private static String rollCall(int classId) {
        return "/api/v1/classes/" + classId + "/roll-call";
    }

    private static String checkIns(int classId) {
        return "/api/v1/classes/" + classId + "/check-ins";
    }

    /** Why {@code request} has no reply object: what came instead, or what went wrong. */
    private IOException failure(Request request, Throwable cause) {
        if (cause instanceof NotAReply notAReply) {
            return notAReply;
        }
        return new IOException(request.getMethod() + " " + base() + request.getPath() + ": " + cause + hint(cause),
                cause);
    }

    /** One connection of the closed loop, used for one request at a time; each reply is handed to its loop. */
    private final class HttpLane implements Lane {

        private final Connection connection;
        private final EventLoop loop;
        private final Consumer<CheckInReply> replies;

        HttpLane(Connection connection, EventLoop loop, Consumer<CheckInReply> replies) {
            this.connection = connection;
            this.loop = loop;
            this.replies = replies;
        }

        @Override
        public EventLoop loop() {
            return loop;
        }

        @Override
        public void checkIn(int classId, long matricula) {
            Request request = client.newRequest(host, port).method(HttpMethod.POST).path(checkIns(classId))
                    .body(new StringRequestContent(JSON, "{\"matricula\":\"" + matricula + "\"}"));
            Reply reply = new Reply(MAX_REPLY_BYTES);
            connection.send(request, reply);
            reply.done.whenComplete((response, failed) -> loop.execute(() -> replies.accept(failed == null
                    ? CheckInReply.of(response) : new CheckInReply.Failed(failure(request, failed).getMessage()))));
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    /** An answer that is not the API's: an error page of the web server itself, say. */
    private static final class NotAReply extends IOException {
        NotAReply(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One reply, buffered whole, then decoded as a native reply object; completed on a Jetty thread. */
    private final class Reply extends BufferingResponseListener {

        final CompletableFuture<Response> done = new CompletableFuture<>();

        Reply(int maxLength) {
            super(maxLength);
        }

        @Override
        public void onComplete(Result result) {
            if (result.isFailed()) {
                done.completeExceptionally(result.getFailure());
                return;
            }
            String body = getContentAsString(StandardCharsets.UTF_8);
            try {
                done.complete(DECODER.decode(body));
            } catch (ProtocolException e) {
                int status = result.getResponse().getStatus();
                done.completeExceptionally(new NotAReply("HTTP " + status + " with no reply object: "
                        + body.substring(0, Math.min(body.length(), 200)).strip(), e));
            }
        }

        Response await(Request request, Duration timeout) throws IOException {
            try {
                return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw failure(request, e.getCause());
            } catch (TimeoutException e) {
                request.abort(e);
                throw new IOException(request.getMethod() + " " + base() + request.getPath() + ": no reply in "
                        + timeout.toMillis() + " ms", e);
            } catch (InterruptedException e) {
                request.abort(e);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
