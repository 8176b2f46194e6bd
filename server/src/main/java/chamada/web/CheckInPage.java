package chamada.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Map;

/**
 * The page a student's phone opens: the check-in form (class number, matrícula, code), which
 * posts to {@code /check-in}. A handler for {@code GET /}; the check-in itself answers with
 * {@link #show} again when the form has problems.
 */
public final class CheckInPage implements Request.Handler {

    private final Pages pages;

    public CheckInPage(Pages pages) {
        this.pages = pages;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        show(request, response, callback, HttpStatus.OK_200, CheckInForm.empty());
        return true;
    }

    /** Answers with the page showing {@code form}, e.g. what was typed and its errors, with {@code status}. */
    public void show(Request request, Response response, Callback callback, int status, CheckInForm form) {
        pages.send(request, response, callback, status, "check-in.jte", Map.of("form", form));
    }
}
