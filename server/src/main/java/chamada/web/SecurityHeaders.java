package chamada.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;

/**
 * The handler that puts the security headers on every response of the web front: pages,
 * assets and, through {@link ErrorPage}, error pages (Jetty answers a request it could not
 * read, such as one with too large headers, without passing it through any handler).
 *
 * <p>The policy forbids inline script and inline style, so the templates hold neither: the
 * one script and the one style sheet are files under {@code /assets/}.
 */
final class SecurityHeaders extends Handler.Wrapper {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    // Encoded once: they go on every response.
    private static final List<HttpField> FIELDS = List.of(
            new PreEncodedHttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
            new PreEncodedHttpField("Referrer-Policy", "no-referrer"));

    SecurityHeaders(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        apply(response.getHeaders());
        return super.handle(request, response, callback);
    }

    /** Puts the headers in {@code headers}, replacing any of the same name. */
    static void apply(HttpFields.Mutable headers) {
        FIELDS.forEach(headers::put);
    }
}
