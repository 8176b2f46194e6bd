package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.attendance.AuditEntry;
import chamada.attendance.Reason;
import chamada.attendance.StatusText;
import chamada.error.ChamadaException;
import chamada.error.Expected;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class's corrections for its teacher, {@code /classes/CLASS/audit}: the form that corrects a
 * student's status in the class's latest roll call, and the audit of every correction, oldest
 * first. The form posts to the same address; its reply is the page again, with what came of it.
 */
final class AuditPage {

    private final Application application;
    private final Pages pages;

    AuditPage(Application application, Pages pages) {
        this.application = application;
        this.pages = pages;
    }

    void page(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
              Session session, ClassId classId) throws Exception {
        send(request, response, callback, session, classId, "", HttpStatus.OK_200);
    }

    /** Corrects as the form says; a field the store would refuse is said on the page, nothing sent. */
    void mark(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
              Session session, ClassId classId, Fields fields) throws Exception {
        Lang lang = session.lang();
        String matricula = value(fields, "matricula");
        String status = value(fields, "status");
        String reason = value(fields, "reason");
        if (matricula.isEmpty() || status.isEmpty() || reason.isBlank()) {
            send(request, response, callback, session, classId, WebText.MARK_FIELDS_MISSING.format(lang),
                    HttpStatus.BAD_REQUEST_400);
            return;
        }
        Request.Mark mark;
        try {
            mark = new Request.Mark(classId, new Matricula(matricula), AttendanceStatus.fromWire(status).orElseThrow(
                    () -> chamada.error.Fields.invalid("status", status, Expected.STATUS)), new Reason(reason), Optional.empty());
        } catch (ChamadaException e) {
            send(request, response, callback, session, classId, e.message(lang), HttpStatus.BAD_REQUEST_400);
            return;
        }
        Response reply = PageRequests.ask(application, session, mark);
        String result = reply instanceof Response.Marked marked
                ? WebText.MARKED.format(lang, marked.matricula(), StatusText.of(marked.to(), lang), marked.rollCallId(),
                        marked.from().map(from -> StatusText.of(from, lang)).orElse(WebText.NO_STATUS.format(lang)))
                : ((Response.Refusal) reply).message();
        send(request, response, callback, session, classId, result, HttpStatus.OK_200);
    }

    private void send(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, Session session, ClassId classId, String result, int status) throws Exception {
        Lang lang = session.lang();
        Response reply = PageRequests.ask(application, session, new Request.Audit(classId));
        List<AuditEntry> entries = reply instanceof Response.Audit audit ? audit.entries() : List.of();
        String shown = reply instanceof Response.Refusal refusal && result.isEmpty() ? refusal.message() : result;
        pages.send(request, response, callback, status, "audit.jte", Map.of(
                "classNumber", classId.toString(),
                "result", shown,
                "statuses", Arrays.stream(AttendanceStatus.values())
                        .map(value -> List.of(value.wire(), StatusText.of(value, lang))).toList(),
                "entries", entries.stream().map(entry -> List.of(HumanTime.format(entry.at()),
                        Long.toString(entry.rollCallId()), entry.matricula().value(),
                        entry.from().map(from -> StatusText.of(from, lang)).orElse(WebText.NO_STATUS.format(lang))
                                + " → " + StatusText.of(entry.to(), lang),
                        entry.teacher().value(), entry.reason().value())).toList(),
                "formToken", BrowserCookies.formToken(request, response)));
    }

    private static String value(Fields fields, String name) {
        String value = fields.getValue(name);
        return value == null ? "" : value.strip();
    }
}
