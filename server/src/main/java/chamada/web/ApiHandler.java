package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.application.Transfer;
import chamada.application.UploadStart;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.error.Expected;
import chamada.error.Fields;
import chamada.i18n.Lang;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.protocol.ExportCsv;
import chamada.protocol.Json;
import chamada.protocol.Op;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.protocol.ResponseEncoder;
import chamada.protocol.Wire;
import chamada.rollcall.ClassId;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON API for integrators, under {@code /api/v1}: the native protocol's operations and reply
 * objects over HTTP (PROTOCOL.md, "JSON API"). Each call is decoded into the one
 * {@link Request} type ({@link ApiRequests}) and answered by the {@link Application}, like a line
 * on the native port; the reply is the native reply object, with an HTTP status that says the
 * same ({@link HttpStatuses}). A teacher sends the session token of {@code POST /api/v1/session}
 * as {@code Authorization: Bearer}; in open mode, teachers' calls are answered only from this
 * machine.
 *
 * <p>Runs on the web server's virtual threads: it waits for the application's future.
 */
public final class ApiHandler extends Handler.Abstract {

    /** Where the API lives; the routes give this handler everything under it. */
    public static final String PATH = "/api/v1";

    private static final long REPLY_SECONDS = 60;

    private final Application application;
    private final Languages languages;
    private final ClientAddresses addresses;
    private final ApiRequests requests = new ApiRequests(Json.mapper());
    /** A report's period and rule come in its query: {@code ?from=2026-11-01&to=2026-11-30&late_counts_as=absent}. */
    private static final List<String> REPORT_PARAMETERS = List.of(Wire.FROM, Wire.TO, Wire.LATE_COUNTS_AS);
    private final ResponseEncoder encoder = new ResponseEncoder(Json.mapper().getFactory());
    private final EventStreams streams;
    private final MaterialDownloads downloads = new MaterialDownloads();
    private static final String REPR_DIGEST = "Repr-Digest";
    private static final Pattern SHA256_DIGEST = Pattern.compile("sha-256=:([A-Za-z0-9+/=]{44}):");

    ApiHandler(Application application, Languages languages, ClientAddresses addresses, EventStreams streams) {
        this.application = application;
        this.languages = languages;
        this.addresses = addresses;
        this.streams = streams;
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                          Callback callback) throws Exception {
        Lang lang = languages.of(request);
        InetAddress from = addresses.of(request);
        Session session = application.session(lang, from);
        List<String> path = List.of(org.eclipse.jetty.server.Request.getPathInContext(request).split("/"))
                .stream().filter(part -> !part.isEmpty()).toList();
        String method = request.getMethod();
        try {
            ApiCall call = ApiCall.of(method, path).orElseThrow(
                    () -> new ChamadaException(ErrorCode.UNKNOWN_COMMAND, method + " " + PATH + "/" + String.join("/", path)));
            if (call.op() == Op.LOGIN) {
                reply(response, callback, answer(session, login(request)));
                return true;
            }
            if (call.op() == Op.HEALTH) {
                reply(response, callback, answer(session, new Request.Health()));
                return true;
            }
            // Read before any refusal: a reply sent while the client still uploads would cut its body short.
            String body = call.hasBody() ? ApiRequests.body(request)
                    : call.op() == Op.REPORT ? requests.fromQuery(request, REPORT_PARAMETERS)
                    : call.op() == Op.INBOX ? requests.fromQuery(request, List.of(Wire.UNREAD)) : "";
            if (call.forTeachers()) {
                authenticate(request, session, from);
            }
            if (call.op() == Op.DOWNLOAD) {
                download(request, response, callback, session, call.classText(), lastSegment(request));
                return true;
            }
            if (call.op() == Op.UPLOAD) {
                publish(request, response, callback, session, call.classText());
                return true;
            }
            if (call.op() == Op.REMOVE_MATERIAL) {
                reply(response, callback, answer(session, new Request.RemoveMaterial(ClassId.parse(call.classText()),
                        new MaterialName(lastSegment(request)))));
                return true;
            }
            if (call.stream()) {
                streams.serve(session, ClassId.parse(call.classText()), LiveView.TEACHER, 0, response, callback)
                        .ifPresent(refusal -> reply(response, callback, refusal));
                return true;
            }
            Request decoded = requests.decode(call.op(), call.classText(), body);
            if (decoded instanceof Request.RosterImport part && part.more()) {
                // Each call is a session of its own: a part kept for the next call would be lost.
                throw Fields.invalid(Wire.MORE, "true", Expected.WHOLE_ROSTER);
            }
            Response answer = answer(session, decoded);
            if (call.op() == Op.EXPORT && answer instanceof Response.Export export) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                Content.Sink.write(response, true, ExportCsv.of(export.rollCalls(), export.names()), callback);
                return true;
            }
            reply(response, callback, answer);
        } catch (ChamadaException refusal) {
            reply(response, callback, application.refusal(session, refusal));
        }
        return true;
    }

    /**
     * The last segment of the request's path, percent-decoded once: a material's name, which may
     * hold spaces or even {@code %} (the path in context is only partly decoded).
     */
    private static String lastSegment(org.eclipse.jetty.server.Request request) {
        String raw = request.getHttpURI().getPath();
        return URIUtil.decodePath(raw.substring(raw.lastIndexOf('/') + 1));
    }

    /**
     * Publishes the request's body as the material its path's last segment names, in the class
     * {@code classText}, and answers as this API does; the teacher's materials page sends its
     * uploads here too ({@link MaterialsPage}), having checked its own session.
     */
    void publish(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                 Callback callback, Session session, String classText) {
        try {
            reply(response, callback, upload(request, session, ClassId.parse(classText),
                    new MaterialName(lastSegment(request))));
        } catch (ChamadaException refusal) {
            reply(response, callback, application.refusal(session, refusal));
        }
    }

    /**
     * Publishes the request's body as {@code name}: its {@code Content-Length} is checked against
     * the limits before a byte is read, then the body is streamed to the file; with a
     * {@code Repr-Digest: sha-256=:BASE64:} header (RFC 9530) the bytes must hash to it.
     */
    private Response upload(org.eclipse.jetty.server.Request request, Session session, ClassId classId,
                            MaterialName name) {
        long size = request.getLength();
        if (size < 0) {
            throw new ChamadaException(ErrorCode.MISSING_FIELD, "Content-Length", Expected.SIZE);
        }
        UploadStart start = await(session, application.upload(session, new Request.Upload(classId, name, size,
                digest(request.getHeaders().get(REPR_DIGEST)))), UploadStart.Refused::new);
        if (!(start instanceof UploadStart.Accepted accepted)) {
            return ((UploadStart.Refused) start).failure();
        }
        try (InputStream body = Content.Source.asInputStream(request)) {
            byte[] chunk = new byte[64 * 1024];
            for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
                accepted.upload().file().write(ByteBuffer.wrap(chunk, 0, read));
            }
        } catch (IOException e) {
            // The client went, or its body ended short of its length: nothing of it is kept.
            accepted.upload().close();
            throw new ChamadaException(ErrorCode.UPLOAD_CORRUPT, name, "-", "-");
        }
        return await(session, application.finishUpload(session, accepted.upload()), failure -> failure);
    }

    /** The SHA-256 of a {@code Repr-Digest} header, in the native protocol's hex; empty without one. */
    private static Optional<String> digest(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SHA256_DIGEST.matcher(header);
        if (!matcher.find()) {
            throw Fields.invalid(REPR_DIGEST, header, Expected.SHA256);
        }
        try {
            return Optional.of(HexFormat.of().formatHex(Base64.getDecoder().decode(matcher.group(1))));
        } catch (IllegalArgumentException e) {
            throw Fields.invalid(REPR_DIGEST, header, Expected.SHA256);
        }
    }

    /** A material's bytes, named by the last segment of the path; anybody may download. */
    private void download(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                          Callback callback, Session session, String classText, String file) {
        CompletableFuture<Transfer> pending = application.download(session, new Request.Download(ClassId.parse(classText),
                new MaterialChoice.ByName(new MaterialName(file)), 0));
        Transfer transfer = await(session, pending, Transfer.Refused::new);
        if (transfer instanceof Transfer.Refused) {
            // Given up on (too slow, the server stopping): a file opened after all is closed then.
            pending.thenAccept(late -> {
                if (late instanceof Transfer.Ready ready) {
                    closeQuietly(ready);
                }
            });
        }
        switch (transfer) {
            case Transfer.Refused refused -> reply(response, callback, refused.failure());
            case Transfer.Ready ready -> {
                closeQuietly(ready); // Jetty opens the file itself, by its path
                downloads.serve(request, response, callback, ready.reply().material(), ready.file());
            }
        }
    }

    private static void closeQuietly(Transfer.Ready ready) {
        try {
            ready.channel().close();
        } catch (IOException e) {
            // Only read from: nothing to lose.
        }
    }

    /** Logs the session in with the bearer token; in open mode, lets only this machine act as a teacher. */
    private void authenticate(org.eclipse.jetty.server.Request request, Session session, InetAddress from) {
        if (application.openMode()) {
            if (!LocalRequests.isLocal(request, from)) {
                throw new ChamadaException(ErrorCode.OPEN_MODE_LOCAL_ONLY);
            }
            return;
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ChamadaException(ErrorCode.AUTH_REQUIRED);
        }
        Response resumed = answer(session, new Request.Resume(authorization.substring(7).strip()));
        if (resumed instanceof Response.Failure failure) {
            throw new ChamadaException(failure.code());
        }
    }

    /** The login of {@code Authorization: Basic}, the teachers file's name and secret. */
    private static Request login(org.eclipse.jetty.server.Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ChamadaException(ErrorCode.AUTH_REQUIRED);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ChamadaException(ErrorCode.AUTH_FAILED);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new ChamadaException(ErrorCode.AUTH_FAILED);
        }
        return new Request.Login(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** {@code GET /health}: the API's health call at the root too, where monitors look first. */
    org.eclipse.jetty.server.Request.Handler health() {
        return (request, response, callback) -> {
            Session session = application.session(languages.of(request), addresses.of(request));
            reply(response, callback, answer(session, new Request.Health()));
            return true;
        };
    }

    private Response answer(Session session, Request request) {
        return await(session, application.handle(session, request), failure -> failure);
    }

    /** What {@code future} comes to, or, if it fails or takes too long, the refusal that says so, as {@code refused} wraps it. */
    private <T> T await(Session session, CompletableFuture<T> future, Function<Response.Failure, T> refused) {
        try {
            return future.get(REPLY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return refused.apply(application.refusal(session, new ChamadaException(ErrorCode.INTERNAL)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused.apply(application.refusal(session, new ChamadaException(ErrorCode.SHUTTING_DOWN)));
        }
    }

    private void reply(org.eclipse.jetty.server.Response response, Callback callback, Response answer) {
        // An unhealthy server answers its health with 503, so that a load balancer's or a
        // monitor's HTTP check needs no JSON to tell.
        response.setStatus(answer instanceof Response.Refusal refusal ? HttpStatuses.of(refusal.code())
                : answer instanceof Response.Health health && !health.healthy() ? 503 : 200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, encoder.encode(answer) + "\n", callback);
    }
}
