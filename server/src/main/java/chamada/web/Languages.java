package chamada.web;

import chamada.i18n.Lang;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.time.Duration;
import java.util.Optional;

/**
 * How the web front picks the language of a page: a {@code ?lang=} in the address (the
 * switch in every page's header), then the {@code lang} cookie that switch left, then the
 * browser's {@code Accept-Language} in its order of preference, then the server's default.
 * Only Portuguese and English exist, so {@code pt}, {@code pt-PT} and {@code pt-BR} all read
 * pt-BR, and every {@code en-*} reads English.
 *
 * <p>Parsing is Jetty's (query, cookies, quality lists); this class only decides. Immutable.
 */
public final class Languages {

    /** The query parameter and the cookie that carry a chosen language. */
    public static final String NAME = "lang";

    /** A person who chose a language keeps it for the school year. */
    private static final Duration REMEMBERED = Duration.ofDays(365);

    private final Lang fallback;

    public Languages(Lang fallback) {
        this.fallback = fallback;
    }

    /** The language of the page answering {@code request}; a {@code ?lang=} in it is remembered in a cookie. */
    public Lang choose(Request request, Response response) {
        Optional<Lang> asked = fromQuery(request);
        asked.ifPresent(lang -> Response.putCookie(response, cookie(request, lang)));
        return asked.orElseGet(() -> remembered(request));
    }

    /** As {@link #choose}, without setting a cookie: for error pages, which may answer a request that was never read. */
    public Lang of(Request request) {
        return fromQuery(request).orElseGet(() -> remembered(request));
    }

    private Lang remembered(Request request) {
        return fromCookie(request).or(() -> fromAcceptLanguage(request)).orElse(fallback);
    }

    private static Optional<Lang> fromQuery(Request request) {
        try {
            return Optional.ofNullable(Request.extractQueryParameters(request).getValue(NAME)).flatMap(Lang::parse);
        } catch (IllegalArgumentException badlyEncoded) {
            // A query that is not valid percent-encoded UTF-8 says nothing about the language.
            return Optional.empty();
        }
    }

    private static Optional<Lang> fromCookie(Request request) {
        return Request.getCookies(request).stream()
                .filter(cookie -> NAME.equals(cookie.getName()))
                .map(cookie -> Lang.parse(cookie.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Lang> fromAcceptLanguage(Request request) {
        // Jetty's quality list comes sorted by preference, q=0 entries already dropped.
        return request.getHeaders().getQualityCSV(HttpHeader.ACCEPT_LANGUAGE).stream()
                .map(Lang::parse)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** {@code HttpOnly}, {@code SameSite=Strict}, and {@code Secure} under TLS, as {@link BrowserCookies}' cookies. */
    private static HttpCookie cookie(Request request, Lang lang) {
        return HttpCookie.build(NAME, lang.tag())
                .path("/")
                .maxAge(REMEMBERED.toSeconds())
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite(HttpCookie.SameSite.STRICT)
                .build();
    }
}
