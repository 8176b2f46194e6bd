package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.attendance.AttendanceReport;
import chamada.attendance.LateCountsAs;
import chamada.attendance.ReportLine;
import chamada.error.ChamadaException;
import chamada.error.Expected;
import chamada.error.Fields;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Callback;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class's attendance report for its teacher, {@code /classes/CLASS/report?from=&to=}: the
 * period's form, a chart of the class's attendance at each roll call ({@link AttendanceChart}),
 * and each student's line with the class's totals, as {@code teacher report} prints them.
 */
final class ReportPage {

    private static final long REPLY_SECONDS = 60;

    private final Application application;
    private final Pages pages;

    ReportPage(Application application, Pages pages) {
        this.application = application;
        this.pages = pages;
    }

    void page(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
              Session session, ClassId classId) throws Exception {
        Lang lang = session.lang();
        org.eclipse.jetty.util.Fields query = org.eclipse.jetty.server.Request.extractQueryParameters(request);
        String fromText = value(query, "from");
        String toText = value(query, "to");
        Response reply;
        int status = HttpStatus.OK_200;
        try {
            Optional<LocalDate> from = date("from", fromText);
            Optional<LocalDate> to = date("to", toText);
            if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
                throw Fields.invalid("to", toText, Expected.DATE_NOT_BEFORE_FROM);
            }
            reply = application.handle(session, new Request.Report(classId, from, to, LateCountsAs.PRESENT))
                    .get(REPLY_SECONDS, TimeUnit.SECONDS);
        } catch (ChamadaException e) {
            reply = new Response.Failure(e.code(), e.message(lang));
            status = HttpStatus.BAD_REQUEST_400;
        }
        Optional<AttendanceReport> report = reply instanceof Response.Report found ? Optional.of(found.report())
                : Optional.empty();
        pages.send(request, response, callback, status, "report.jte", Map.of(
                "classNumber", classId.toString(),
                "from", fromText,
                "to", toText,
                "problem", reply instanceof Response.Refusal refusal ? refusal.message() : "",
                "rollCalls", report.map(AttendanceReport::rollCalls).orElse(0),
                "chart", AttendanceChart.of(report.map(AttendanceReport::byRollCall).orElse(List.of()), lang),
                "rows", report.map(found -> rows(found, lang)).orElse(List.of())));
    }

    /** Each student's cells, then the class's totals. */
    private static List<List<String>> rows(AttendanceReport report, Lang lang) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportLine line : report.students()) {
            rows.add(cells(line.name().map(Object::toString).orElse(""),
                    line.matricula().map(Object::toString).orElse(""), line));
        }
        rows.add(cells(WebText.TOTALS_ROW.format(lang), "", report.totals()));
        return rows;
    }

    private static List<String> cells(String name, String matricula, ReportLine line) {
        return List.of(name, matricula, Integer.toString(line.present()), Integer.toString(line.late()),
                Integer.toString(line.excused()), Integer.toString(line.absent()),
                line.rate().map(AttendanceChart::percent).orElse("-"));
    }

    private static Optional<LocalDate> date(String field, String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw Fields.invalid(field, text, Expected.DATE);
        }
    }

    private static String value(org.eclipse.jetty.util.Fields fields, String name) {
        String value = fields.getValue(name);
        return value == null ? "" : value.strip();
    }
}
