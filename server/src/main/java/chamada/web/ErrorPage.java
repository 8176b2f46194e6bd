package chamada.web;

import chamada.i18n.Lang;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.util.Map;

/**
 * The web front's error pages (400, 404, 405, 413, 431, 500...): the server's Jetty error
 * handler, so it answers every error, including those Jetty raises before any handler ran
 * (a request with headers past the limit, a body past it, a request nothing handled).
 *
 * <p>Jetty's own handler chooses the status, the cache headers, and whether a body may be
 * sent; this subclass writes the body: the site's layout, the status and what to do about it,
 * in the visitor's language (without setting a cookie: the request may never have been read).
 * The reason Jetty gives internally (e.g. the size it counted) is not shown.
 */
final class ErrorPage extends ErrorHandler {

    private final Pages pages;
    private final WebConfig config;

    ErrorPage(Pages pages, WebConfig config) {
        this.pages = pages;
        this.config = config;
    }

    /** Every method gets a page, not only Jetty's GET, POST and HEAD: a 405 to a PUT is still read by a person. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.apply(response.getHeaders());
        return super.handle(request, response, callback);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        Lang lang = pages.languages().of(request);
        ErrorView view = cause instanceof PostedForm.Unreadable ? ErrorView.formUnreadable(new Page(lang))
                : ErrorView.of(code, request.getMethod(), new Page(lang), config);
        pages.send(response, callback, code, lang, "error.jte", Map.of("error", view));
    }
}
