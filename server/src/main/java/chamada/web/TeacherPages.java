package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ChamadaException;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The teacher's start page, {@code /teacher}: the login (with the teachers file), then the form
 * that opens a class's roll call (with its code policy and whether devices may be shared) and
 * the one that goes to a class's page; and the logout. Every form post carries the form token
 * ({@link BrowserCookies}). Runs on the web server's virtual threads.
 */
final class TeacherPages implements org.eclipse.jetty.server.Request.Handler {

    private static final long REPLY_SECONDS = 60;

    private final Application application;
    private final Pages pages;
    private final TeacherSessions sessions;
    private final boolean tls;

    /** {@code tls}: whether the web front is served over TLS, so a password is sent encrypted. */
    TeacherPages(Application application, Pages pages, TeacherSessions sessions, boolean tls) {
        this.application = application;
        this.pages = pages;
        this.sessions = sessions;
        this.tls = tls;
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                          Callback callback) throws Exception {
        String action = org.eclipse.jetty.server.Request.getPathInContext(request);
        Lang lang = pages.languages().choose(request, response);
        boolean post = request.getMethod().equals("POST");
        Fields fields = post ? PostedForm.fields(request) : new Fields();
        if (post && !BrowserCookies.formTokenMatches(request, fields.getValue(BrowserCookies.FORM_FIELD))) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
            return true;
        }
        TeacherSessions.Access access = sessions.of(request, lang);
        if (access instanceof TeacherSessions.LocalOnly local) {
            ClassPages.localOnly(pages, request, response, callback, application, local.session());
            return true;
        }
        // Only a form's post acts; a GET of an action's address shows the start page.
        switch (action + (post ? " POST" : " GET")) {
            case "/login POST" -> login(request, response, callback, access, fields);
            case "/logout POST" -> {
                org.eclipse.jetty.server.Response.putCookie(response, TeacherSessions.forget(request));
                redirect(request, response, callback, "/teacher");
            }
            case "/open POST" -> open(request, response, callback, access, fields);
            case "/class GET" -> goTo(request, response, callback);
            default -> home(request, response, callback, access, Optional.empty(), HttpStatus.OK_200);
        }
        return true;
    }

    private void login(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                       Callback callback, TeacherSessions.Access access, Fields fields) throws Exception {
        Session session = switch (access) {
            case TeacherSessions.Allowed allowed -> allowed.session();
            case TeacherSessions.LoginNeeded needed -> needed.session();
            case TeacherSessions.LocalOnly local -> local.session();
        };
        Response reply = application.handle(session, new Request.Login(value(fields, "name"), value(fields, "secret")))
                .get(REPLY_SECONDS, TimeUnit.SECONDS);
        if (reply instanceof Response.LoggedIn loggedIn) {
            // No token in open mode, where nobody needs one.
            loggedIn.token().ifPresent(token ->
                    org.eclipse.jetty.server.Response.putCookie(response, TeacherSessions.cookie(request, token)));
            redirect(request, response, callback, "/teacher");
            return;
        }
        Response.Refusal refusal = (Response.Refusal) reply;
        // The API's status for the same refusal: a wrong secret is 401, too many of them 429.
        home(request, response, callback, new TeacherSessions.LoginNeeded(session), Optional.of(refusal.message()),
                HttpStatuses.of(refusal.code()));
    }

    private void open(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, TeacherSessions.Access access, Fields fields) throws Exception {
        if (!(access instanceof TeacherSessions.Allowed allowed)) {
            redirect(request, response, callback, "/teacher");
            return;
        }
        ClassId classId;
        try {
            classId = ClassId.parse(value(fields, "class"));
        } catch (ChamadaException e) {
            home(request, response, callback, access, Optional.of(e.message(allowed.session().lang())),
                    HttpStatus.BAD_REQUEST_400);
            return;
        }
        String asked = value(fields, "code_policy");
        Optional<CodePolicy> policy = CodePolicy.fromWire(asked);
        if (policy.isEmpty() && !asked.isEmpty()) {
            // A stale or altered form must not open a roll call without the code it meant.
            home(request, response, callback, access,
                    Optional.of(WebText.UNKNOWN_POLICY.format(allowed.session().lang(), asked)), HttpStatus.BAD_REQUEST_400);
            return;
        }
        Optional<Duration> lateAfter;
        try {
            String minutes = value(fields, CheckInRules.LATE_AFTER_FIELD).strip();
            lateAfter = minutes.isEmpty() ? Optional.empty() : Optional.of(CheckInRules.lateAfterMinutes(minutes));
        } catch (ChamadaException e) {
            home(request, response, callback, access, Optional.of(e.message(allowed.session().lang())),
                    HttpStatus.BAD_REQUEST_400);
            return;
        }
        Response reply = application.handle(allowed.session(), new Request.Open(classId, policy,
                "true".equals(fields.getValue("shared_devices")), "true".equals(fields.getValue("accept_unknown")),
                lateAfter)).get(REPLY_SECONDS, TimeUnit.SECONDS);
        if (reply instanceof Response.Refusal refusal && !(refusal.code() == chamada.error.ErrorCode.ALREADY_OPEN)) {
            home(request, response, callback, access, Optional.of(refusal.message()), HttpStatus.OK_200);
            return;
        }
        redirect(request, response, callback, "/classes/" + classId);
    }

    private void goTo(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback) {
        String text = org.eclipse.jetty.server.Request.extractQueryParameters(request).getValue("class");
        try {
            redirect(request, response, callback, "/classes/" + ClassId.parse(text == null ? "" : text.strip()));
        } catch (ChamadaException e) {
            redirect(request, response, callback, "/teacher");
        }
    }

    private void home(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, TeacherSessions.Access access, Optional<String> problem, int status)
            throws Exception {
        boolean loggedIn = access instanceof TeacherSessions.Allowed;
        List<List<String>> open = access instanceof TeacherSessions.Allowed allowed
                ? application.openRollCalls(allowed.session()).get(REPLY_SECONDS, TimeUnit.SECONDS).stream()
                .map(rollCall -> List.of(rollCall.classId().toString(), rollCall.teacher().value(),
                        HumanTime.format(rollCall.openedAt()), Integer.toString(rollCall.present().size()))).toList()
                : List.of();
        // A code proves presence only where not anybody may read it: none in open mode.
        CodePolicy proposed = application.openMode() ? CodePolicy.NONE : CodePolicy.ROTATING;
        pages.send(request, response, callback, status, "teacher.jte", Map.of(
                "loggedIn", loggedIn,
                "inClear", !tls,
                "open", open,
                "openMode", application.openMode(),
                "proposed", proposed.wire(),
                "policies", List.of(CodePolicy.ROTATING.wire(), CodePolicy.FIXED.wire(), CodePolicy.NONE.wire()),
                "problem", problem,
                "formToken", BrowserCookies.formToken(request, response)));
    }

    static void redirect(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                         Callback callback, String location) {
        org.eclipse.jetty.server.Response.sendRedirect(request, response, callback, HttpStatus.SEE_OTHER_303, location,
                true);
    }

    private static String value(Fields fields, String name) {
        String value = fields.getValue(name);
        return value == null ? "" : value.strip();
    }
}
