package chamada.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;
import java.util.Map;

/**
 * The page a student's phone opens: the check-in form (class number, matrícula, code), which
 * posts to {@code /check-in} ({@link CheckInAction}), which answers with {@link #show} again when
 * the form has problems. It gives the phone its device id and form token ({@link BrowserCookies}).
 */
public final class CheckInPage implements Request.Handler {

    private final Pages pages;

    public CheckInPage(Pages pages) {
        this.pages = pages;
    }

    /**
     * Answers {@code GET /}, and {@code GET /c/CLASS?code=CODE}, the address a QR code holds,
     * with the class and the code filled in, so a student who scans types only the matrícula.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String classNumber = Request.getPathInContext(request).replace("/", "");
        String code = Request.extractQueryParameters(request).getValue(CheckInForm.CODE);
        CheckInForm form = new CheckInForm(digits(classNumber, CheckInForm.MAX_CLASS_DIGITS), "",
                digits(code == null ? "" : code, CheckInForm.MAX_CODE_DIGITS), List.of());
        BrowserCookies.device(request, response);
        show(request, response, callback, HttpStatus.OK_200, form);
        return true;
    }

    /** Answers with the page showing {@code form}, e.g. what was typed and its errors, with {@code status}. */
    public void show(Request request, Response response, Callback callback, int status, CheckInForm form) {
        pages.send(request, response, callback, status, "check-in.jte",
                Map.of("form", form, "formToken", BrowserCookies.formToken(request, response)));
    }

    /** What a link may fill in: digits only, at most {@code max} of them; anything else is left for the student. */
    private static String digits(String text, int max) {
        return text.length() <= max && text.chars().allMatch(c -> c >= '0' && c <= '9') ? text : "";
    }
}
