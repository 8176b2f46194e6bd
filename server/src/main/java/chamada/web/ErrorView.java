package chamada.web;

/**
 * What an error page says: the HTTP status and, in the page's language, a title and what the
 * visitor can do about it.
 */
public record ErrorView(int status, String title, String explanation) {

    /** The page for {@code status} in {@code page}'s language; the limits fill the sentences that name them. */
    static ErrorView of(int status, String method, Page page, WebConfig config) {
        return switch (status) {
            case 400 -> view(status, page, WebText.BAD_REQUEST_TITLE, WebText.BAD_REQUEST_TEXT);
            case 403 -> view(status, page, WebText.FORBIDDEN_TITLE, WebText.FORBIDDEN_TEXT);
            case 404 -> view(status, page, WebText.NOT_FOUND_TITLE, WebText.NOT_FOUND_TEXT);
            case 405 -> view(status, page, WebText.METHOD_NOT_ALLOWED_TITLE, WebText.METHOD_NOT_ALLOWED_TEXT, method);
            case 413 -> view(status, page, WebText.TOO_LARGE_TITLE, WebText.TOO_LARGE_TEXT, config.maxBodyBytes());
            case 414 -> view(status, page, WebText.URI_TOO_LONG_TITLE, WebText.URI_TOO_LONG_TEXT,
                    config.maxHeaderBytes());
            case 431 -> view(status, page, WebText.HEADERS_TOO_LARGE_TITLE, WebText.HEADERS_TOO_LARGE_TEXT,
                    config.maxHeaderBytes());
            case 500 -> view(status, page, WebText.INTERNAL_TITLE, WebText.INTERNAL_TEXT);
            case 501 -> view(status, page, WebText.NOT_READY_TITLE, WebText.NOT_READY_TEXT);
            case 503 -> view(status, page, WebText.UNAVAILABLE_TITLE, WebText.UNAVAILABLE_TEXT);
            default -> view(status, page, WebText.OTHER_ERROR_TITLE, WebText.OTHER_ERROR_TEXT, status);
        };
    }

    /** The 400 page of a form Jetty could not read ({@link PostedForm.Unreadable}): says why, rather than a bad request in general. */
    static ErrorView formUnreadable(Page page) {
        return view(400, page, WebText.BAD_REQUEST_TITLE, WebText.FORM_UNREADABLE_TEXT);
    }

    private static ErrorView view(int status, Page page, WebText title, WebText explanation, Object... args) {
        return new ErrorView(status, page.t(title), page.t(explanation, args));
    }
}
