package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import org.eclipse.jetty.http.HttpCookie;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Who a teacher's page is for: the teacher whose session token the browser's cookie holds
 * (the token of the native {@code login}, signed with the store's key, so every node of a
 * shared store honours it), or, in open mode, anybody on the server's own machine.
 */
final class TeacherSessions {

    static final String COOKIE = "chamada_session";
    /** As long as the token it holds. */
    static final Duration KEPT = Duration.ofHours(12);
    private static final long REPLY_SECONDS = 60;

    /** What a teacher's page may do for a request. */
    sealed interface Access {
    }

    /** Serve it, as {@code session}'s teacher. */
    record Allowed(Session session) implements Access {
    }

    /** Ask for a login first. */
    record LoginNeeded(Session session) implements Access {
    }

    /** Open mode, from another machine: only the server's machine may act as a teacher. */
    record LocalOnly(Session session) implements Access {
    }

    private final Application application;
    private final ClientAddresses addresses;

    TeacherSessions(Application application, ClientAddresses addresses) {
        this.application = application;
        this.addresses = addresses;
    }

    Access of(org.eclipse.jetty.server.Request request, Lang lang) throws Exception {
        InetAddress from = addresses.of(request);
        Session session = application.session(lang, from);
        if (application.openMode()) {
            return LocalRequests.isLocal(request, from) ? new Allowed(session) : new LocalOnly(session);
        }
        Optional<String> token = org.eclipse.jetty.server.Request.getCookies(request).stream()
                .filter(cookie -> cookie.getName().equals(COOKIE)).map(HttpCookie::getValue).findFirst();
        if (token.isEmpty()) {
            return new LoginNeeded(session);
        }
        Response resumed = application.handle(session, new Request.Resume(token.get())).get(REPLY_SECONDS, TimeUnit.SECONDS);
        return resumed instanceof Response.Resumed ? new Allowed(session) : new LoginNeeded(session);
    }

    /** The cookie that keeps {@code token} for this browser. */
    static HttpCookie cookie(org.eclipse.jetty.server.Request request, String token) {
        return HttpCookie.build(COOKIE, token).path("/").maxAge(KEPT.toSeconds()).httpOnly(true)
                .secure(request.isSecure()).sameSite(HttpCookie.SameSite.STRICT).build();
    }

    /** The cookie that makes the browser forget its session. */
    static HttpCookie forget(org.eclipse.jetty.server.Request request) {
        return HttpCookie.build(COOKIE, "").path("/").maxAge(0).httpOnly(true)
                .secure(request.isSecure()).sameSite(HttpCookie.SameSite.STRICT).build();
    }
}
