package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.attendance.StatusText;
import chamada.error.ChamadaException;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.protocol.ExportCsv;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallAlerts;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterNames;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.List;
import java.util.Map;

/**
 * A class's pages for its teacher, under {@code /classes/CLASS}: the roll call as it stands
 * (every matrícula, the code), its close (then the final list), its history, the CSV of
 * {@code teacher export}, its report ({@link ReportPage}), the projector ({@link ProjectorPage}), its
 * messages ({@link InboxPage}), its question screen ({@link QuestionScreenPage}) and its materials
 * ({@link MaterialsPage}).
 * The teachers the class's assignments allow may read them, and close as on every port. Runs on the web server's virtual
 * threads.
 */
final class ClassPages implements org.eclipse.jetty.server.Request.Handler {

    /** The hidden field of the projector's close form: that page is on the wall, for the whole room to read. */
    static final String FROM_FIELD = "from";
    static final String FROM_PROJECTOR = "projector";

    private final Application application;
    private final Pages pages;
    private final TeacherSessions sessions;
    private final ProjectorPage projector;
    private final RosterPage roster;
    private final AuditPage audit;
    private final InboxPage inbox;
    private final MaterialsPage materials;
    private final QuestionScreenPage question;
    private final ReportPage report;

    ClassPages(Application application, Pages pages, TeacherSessions sessions, ProjectorPage projector,
               ApiHandler api, EventStreams streams) {
        this.application = application;
        this.pages = pages;
        this.sessions = sessions;
        this.projector = projector;
        this.roster = new RosterPage(application, pages);
        this.audit = new AuditPage(application, pages);
        this.inbox = new InboxPage(application, pages, streams);
        this.question = new QuestionScreenPage(application, pages, streams);
        this.materials = new MaterialsPage(application, pages, api);
        this.report = new ReportPage(application, pages);
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                          Callback callback) throws Exception {
        String inContext = org.eclipse.jetty.server.Request.getPathInContext(request);
        if (inContext.length() < 2) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        String[] path = inContext.substring(1).split("/", 2);
        String rest = path.length > 1 ? path[1] : "";
        boolean post = request.getMethod().equals("POST");
        boolean put = request.getMethod().equals("PUT");
        // An upload's form token is among its parts: RosterPage checks it there.
        boolean upload = post && RosterPage.isUpload(request);
        Fields fields = post && !upload ? PostedForm.fields(request) : new Fields();
        if (post && !upload && !BrowserCookies.formTokenMatches(request, fields.getValue(BrowserCookies.FORM_FIELD))) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
            return true;
        }
        // A page's upload is a script's PUT, its form token in a header (MaterialsPage).
        if (put && !BrowserCookies.formTokenMatches(request, request.getHeaders().get(MaterialsPage.FORM_TOKEN_HEADER))) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
            return true;
        }
        ClassId classId;
        try {
            classId = ClassId.parse(path[0]);
        } catch (ChamadaException e) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        Lang lang = pages.languages().choose(request, response);
        switch (sessions.of(request, lang)) {
            // A page's script uploading with a session that ended: a redirect to the login page would
            // reach it as that page's HTML; a 401 it can tell the teacher about.
            case TeacherSessions.LoginNeeded needed when put -> org.eclipse.jetty.server.Response.writeError(
                    request, response, callback, HttpStatus.UNAUTHORIZED_401);
            case TeacherSessions.LoginNeeded needed -> TeacherPages.redirect(request, response, callback, "/teacher");
            case TeacherSessions.LocalOnly local -> localOnly(pages, request, response, callback, application, local.session());
            case TeacherSessions.Allowed allowed -> serve(request, response, callback, allowed.session(), classId, rest,
                    post, fields);
        }
        return true;
    }

    private void serve(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                       Callback callback, Session session, ClassId classId, String rest, boolean post,
                       Fields fields) throws Exception {
        if (request.getMethod().equals("PUT")) {
            if (rest.startsWith("materials/")) {
                materials.upload(request, response, callback, session, classId);
            } else {
                org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
            return;
        }
        switch (rest + (post ? " POST" : " GET")) {
            case " GET" -> status(request, response, callback, session, classId);
            case "close POST" -> close(request, response, callback, session, classId,
                    FROM_PROJECTOR.equals(fields.getValue(FROM_FIELD)));
            case "audit GET" -> audit.page(request, response, callback, session, classId);
            case "audit POST" -> audit.mark(request, response, callback, session, classId, fields);
            case "inbox GET" -> inbox.page(request, response, callback, session, classId);
            case "inbox POST" -> {
                if (fields.getValue(InboxPage.SHOW_FIELD) != null) {
                    inbox.show(request, response, callback, session, classId, fields);
                } else {
                    inbox.markRead(request, response, callback, session, classId, fields);
                }
            }
            case "inbox/events GET" -> inbox.events(request, response, callback, session, classId);
            case "question GET" -> question.page(request, response, callback, session, classId);
            case "question/events GET" -> question.events(request, response, callback, session, classId);
            case "materials GET" -> materials.page(request, response, callback, session, classId);
            case "materials POST" -> materials.remove(request, response, callback, session, classId, fields);
            case "report GET" -> report.page(request, response, callback, session, classId);
            case "history GET" -> history(request, response, callback, session, classId);
            case "roster GET" -> roster.page(request, response, callback, session, classId);
            case "roster POST" -> {
                if (RosterPage.isUpload(request)) {
                    roster.upload(request, response, callback, session, classId);
                } else {
                    org.eclipse.jetty.server.Response.writeError(request, response, callback,
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE_415);
                }
            }
            case "export.csv GET" -> export(request, response, callback, session, classId);
            case "projector GET" -> projector.page(request, response, callback, session, classId);
            case "projector/events GET" -> projector.events(request, response, callback, session, classId);
            case "projector/qr.svg GET" -> projector.qr(request, response, callback, session, classId);
            default -> org.eclipse.jetty.server.Response.writeError(request, response, callback,
                    HttpStatus.NOT_FOUND_404);
        }
    }

    private void status(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                        Callback callback, Session session, ClassId classId) throws Exception {
        Response reply = PageRequests.ask(application, session, new Request.Status(classId));
        if (reply instanceof Response.RollCallReply open) {
            send(request, response, callback, classId, rows(open.rollCall(), open.names(), session.lang()), open.code(),
                    "", HumanTime.format(open.rollCall().openedAt()), open.alerts());
            return;
        }
        // Closed: the last roll call's list, which a close from the projector did not show.
        Response closed = PageRequests.ask(application, session, new Request.Export(classId));
        if (reply instanceof Response.Refusal refusal && refusal.code() == chamada.error.ErrorCode.NOT_OPEN
                && closed instanceof Response.Export export && !export.rollCalls().isEmpty()) {
            sendClosed(request, response, callback, classId, export.rollCalls().getLast().rollCall(), export.names(),
                    session.lang(), true);
            return;
        }
        send(request, response, callback, classId, List.of(), java.util.Optional.empty(),
                ((Response.Refusal) reply).message(), "", RollCallAlerts.none());
    }

    /** Closes; from the projector, a public screen, the page shows the count and not the list. */
    private void close(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                       Callback callback, Session session, ClassId classId, boolean fromProjector) throws Exception {
        Response reply = PageRequests.ask(application, session, new Request.Close(classId));
        if (reply instanceof Response.RollCallReply closed) {
            sendClosed(request, response, callback, classId, closed.rollCall(), closed.names(), session.lang(),
                    !fromProjector);
            return;
        }
        send(request, response, callback, classId, List.of(), java.util.Optional.empty(),
                ((Response.Refusal) reply).message(), "", RollCallAlerts.none());
    }

    private void history(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                         Callback callback, Session session, ClassId classId) throws Exception {
        Response reply = PageRequests.ask(application, session, new Request.History(classId));
        List<List<String>> rows = reply instanceof Response.History history ? history.rollCalls().stream()
                .map(past -> List.of(HumanTime.format(past.openedAt()), closed(past, session.lang()),
                        past.teacher().value(), Integer.toString(past.count()))).toList() : List.of();
        pages.send(request, response, callback, HttpStatus.OK_200, "history.jte", Map.of(
                "classNumber", classId.toString(), "rows", rows,
                "problem", reply instanceof Response.Refusal refusal ? refusal.message() : ""));
    }

    /** When {@code past} closed, and that the server closed it where it did. */
    private static String closed(PastRollCall past, Lang lang) {
        String at = HumanTime.format(past.closedAt());
        return past.closedBy().filter(TeacherName.SERVER::equals).isPresent()
                ? WebText.CLOSED_BY_SERVER.format(lang, at) : at;
    }

    private void export(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                        Callback callback, Session session, ClassId classId) throws Exception {
        Response reply = PageRequests.ask(application, session, new Request.Export(classId));
        if (reply instanceof Response.Refusal refusal) {
            // Said as the API says it: a teacher of another class is told so, not that the server failed.
            pages.send(request, response, callback, HttpStatuses.of(refusal.code()), "message.jte", Map.of(
                    "title", WebText.CLASS_TITLE.format(session.lang(), classId), "text", refusal.message()));
            return;
        }
        if (!(reply instanceof Response.Export export)) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"chamada-" + classId + ".csv\"");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, ExportCsv.of(export.rollCalls(), export.names()), callback);
    }

    private void send(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, ClassId classId, List<List<String>> present,
                      java.util.Optional<CurrentCode> code, String problem, String openedAt, RollCallAlerts alerts) {
        pages.send(request, response, callback, HttpStatus.OK_200, "class.jte", Map.of(
                "wrongCodes", alerts.wrongCodes(),
                "slowed", alerts.slowed(),
                "devicesTryingSeveral", alerts.devicesTryingSeveral(),
                "classNumber", classId.toString(),
                "open", problem.isEmpty(),
                "openedAt", openedAt,
                "code", code.map(CurrentCode::code).orElse(""),
                "present", present,
                "problem", problem,
                "formToken", BrowserCookies.formToken(request, response)));
    }

    private void sendClosed(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                            Callback callback, ClassId classId, RollCall closed, RosterNames names, Lang lang,
                            boolean showList) {
        pages.send(request, response, callback, HttpStatus.OK_200, "closed.jte", Map.of(
                "classNumber", classId.toString(),
                "closedAt", HumanTime.format(closed.closedAt().orElseThrow()),
                "count", closed.present().size(),
                "present", showList ? rows(closed, names, lang) : List.of(),
                "absent", showList ? names.inNameOrder(closed.absent()).stream().map(matricula -> List.of(matricula.value(),
                        names.nameOf(matricula).map(Object::toString).orElse(""))).toList() : List.of(),
                "showList", showList));
    }

    /**
     * Each check-in as the teacher reads it: number, whole matrícula, time of day (and whether
     * late), and where the class has a roster, the student's name (or that they are not on it).
     */
    private static List<List<String>> rows(RollCall rollCall, RosterNames names, Lang lang) {
        List<CheckIn> present = rollCall.present();
        return java.util.stream.IntStream.range(0, present.size()).mapToObj(i -> {
            CheckIn checkIn = present.get(i);
            String time = HumanTime.clock(checkIn.at());
            AttendanceStatus status = rollCall.statusOf(checkIn);
            List<String> row = List.of(Integer.toString(i + 1), checkIn.matricula().value(),
                    status == AttendanceStatus.PRESENT ? time : time + " (" + StatusText.of(status, lang) + ")");
            if (!names.hasRoster()) {
                return row;
            }
            String name = names.nameOf(checkIn.matricula()).map(Object::toString)
                    .orElseGet(() -> WebText.NOT_ON_ROSTER.format(lang));
            return java.util.stream.Stream.concat(row.stream(), java.util.stream.Stream.of(name)).toList();
        }).toList();
    }

    /** The page open mode shows to another machine: only the server's machine may act as a teacher. */
    static void localOnly(Pages pages, org.eclipse.jetty.server.Request request,
                          org.eclipse.jetty.server.Response response, Callback callback, Application application,
                          Session session) {
        pages.send(request, response, callback, HttpStatus.FORBIDDEN_403, "message.jte", Map.of(
                "title", WebText.LOCAL_ONLY_TITLE.format(session.lang()),
                "text", application.refusal(session, new ChamadaException(chamada.error.ErrorCode.OPEN_MODE_LOCAL_ONLY))
                        .message()));
    }
}
