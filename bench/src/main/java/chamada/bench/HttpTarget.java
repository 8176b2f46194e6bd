package chamada.bench;

import chamada.error.ErrorCode;
import chamada.protocol.Json;
import chamada.protocol.ProtocolException;
import chamada.protocol.Response;
import chamada.protocol.ResponseDecoder;
import chamada.rollcall.CheckIn;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * replies and complete each lane's future; the lane's virtual thread waits on it, as
 * {@code ChamadaClient}'s caller waits on its socket.
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

    @Override
    public Lane connect() throws IOException {
        Destination destination = client.resolveDestination(client.newRequest(host, port));
        Connection connection = await(destination.newConnection(), "connect to " + base());
        return new Lane() {
            @Override
            public boolean checkIn(int classId, String matricula) throws IOException, Refused {
                Request request = client.newRequest(host, port).method(HttpMethod.POST).path(checkIns(classId))
                        .body(new StringRequestContent(JSON, "{\"matricula\":\"" + matricula + "\"}"));
                Reply reply = new Reply(MAX_REPLY_BYTES);
                connection.send(request, reply);
                return switch (reply.await(request, timeout)) {
                    case Response.CheckedIn checkedIn -> !checkedIn.alreadyRegistered();
                    case Response.CheckInRefused refused ->
                            throw new Refused(refused.code().wireName() + ": " + refused.message());
                    case Response.Failure failure ->
                            throw new Refused(failure.code().wireName() + ": " + failure.message());
                    case Response other -> throw new IOException("unexpected reply to a check-in: " + other);
                };
            }

            @Override
            public void close() {
                connection.close();
            }
        };
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

    private <T> T await(CompletableFuture<T> future, String what) throws IOException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot " + what + ": " + e.getCause().getMessage() + hint(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("cannot " + what + ": no answer in " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
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

    /** An answer that is not the API's: an error page of the web server itself, say. */
    private static final class NotAReply extends IOException {
        NotAReply(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One reply, buffered whole, then decoded as a native reply object; completed on a Jetty thread. */
    private final class Reply extends BufferingResponseListener {

        private final CompletableFuture<Response> done = new CompletableFuture<>();

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
                Throwable cause = e.getCause();
                if (cause instanceof NotAReply notAReply) {
                    throw notAReply;
                }
                throw new IOException(request.getMethod() + " " + base() + request.getPath() + ": " + cause
                        + hint(cause), cause);
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
