package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.protocol.Masked;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.CurrentCode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The projector page of a class, {@code /classes/CLASS/projector}, for its teacher to put on the
 * wall: the code in type readable from the back of the room, a countdown to the next one, the QR
 * code of the phone page with the class and the code filled in, the count present, and the
 * latest arrivals with their matrículas masked ({@link Masked}: a projected screen is public).
 * Its script follows the roll call's events ({@code projector/events}) and fetches the new QR
 * code ({@code projector/qr.svg}) as the code turns; without script it is right when loaded.
 */
final class ProjectorPage {

    /** How many arrivals the page lists, newest first. */
    static final int LATEST = 8;
    private static final long REPLY_SECONDS = 60;

    private final Application application;
    private final Pages pages;
    private final EventStreams streams;
    private final InetAddress listening;

    ProjectorPage(Application application, Pages pages, EventStreams streams, InetAddress listening) {
        this.application = application;
        this.pages = pages;
        this.streams = streams;
        this.listening = listening;
    }

    void page(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
              Session session, ClassId classId) throws Exception {
        Response reply = application.handle(session, new Request.Status(classId)).get(REPLY_SECONDS, TimeUnit.SECONDS);
        if (!(reply instanceof Response.RollCallReply open)) {
            pages.send(request, response, callback, HttpStatus.OK_200, "message.jte", Map.of(
                    "title", WebText.PROJECTOR_TITLE.format(session.lang(), classId),
                    "text", ((Response.Refusal) reply).message()));
            return;
        }
        List<CheckIn> present = open.rollCall().present();
        List<String> latest = present.subList(Math.max(0, present.size() - LATEST), present.size()).reversed().stream()
                .map(checkIn -> Masked.matricula(checkIn.matricula())).toList();
        String link = link(request, classId, open.code());
        pages.send(request, response, callback, HttpStatus.OK_200, "projector.jte", Map.of(
                "classNumber", classId.toString(),
                "code", open.code().map(code -> spaced(code.code())).orElse(""),
                "expiresAt", open.code().flatMap(CurrentCode::expiresAt)
                        .map(at -> Long.toString(at.toInstant().toEpochMilli())).orElse(""),
                "qr", QrCodeSvg.render(link),
                // The code the QR code holds, which the page's script updates as it swaps the QR code.
                "qrCode", open.code().map(CurrentCode::code).orElse(""),
                "link", link,
                "count", present.size(),
                "latest", latest,
                "formToken", BrowserCookies.formToken(request, response)));
    }

    void events(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                Callback callback, Session session, ClassId classId) throws Exception {
        Optional<Response> refusal = streams.serve(session, classId, LiveView.PROJECTOR, 0, response, callback);
        if (refusal.isPresent()) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
    }

    /** The QR code of the phone page with the current code, for the page's script to swap in. */
    void qr(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
            Session session, ClassId classId) throws Exception {
        Response reply = application.handle(session, new Request.Status(classId)).get(REPLY_SECONDS, TimeUnit.SECONDS);
        if (!(reply instanceof Response.RollCallReply open)) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "image/svg+xml");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, QrCodeSvg.render(link(request, classId, open.code())), callback);
    }

    /** The phone page's address with the class and the code, as the QR code holds it. */
    private String link(org.eclipse.jetty.server.Request request, ClassId classId, Optional<CurrentCode> code) {
        return StudentAddresses.base(request, listening) + "/c/" + classId
                + code.map(current -> "?code=" + current.code()).orElse("");
    }

    /** {@code 123 456}: two groups of three are read out, and copied, without mistakes. */
    static String spaced(String code) {
        return code.length() == 6 ? code.substring(0, 3) + " " + code.substring(3) : code;
    }
}
