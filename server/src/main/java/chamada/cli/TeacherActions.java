package chamada.cli;

import chamada.attendance.AttendanceReport;
import chamada.attendance.AuditEntry;
import chamada.attendance.LateCountsAs;
import chamada.attendance.Reason;
import chamada.attendance.ReportLine;
import chamada.attendance.StatusText;
import chamada.i18n.HumanCount;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.protocol.ExportCsv;
import chamada.protocol.ReportCsv;
import chamada.protocol.ReportXlsx;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.Matricula;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a teacher can do, each as one request and its printout; shared by the one-shot
 * subcommands and the interactive mode. Each returns the exit code it deserves:
 * {@link ExitCodes#OK}, or {@link ExitCodes#REFUSED} after printing the server's refusal.
 * Connection problems leave as {@link CommandFailure}.
 */
final class TeacherActions {

    private final Link link;
    private final Lang lang;
    private final PrintWriter out;
    private final PrintWriter err;

    TeacherActions(Link link, Lang lang, PrintWriter out, PrintWriter err) {
        this.link = link;
        this.lang = lang;
        this.out = out;
        this.err = err;
    }

    /** The class-material actions, over the same link and writers. */
    ClassMaterials materials() {
        return new ClassMaterials(link, lang, out, err);
    }

    /** The class-message and live actions, over the same link and writers. */
    ClassMessages messages() {
        return new ClassMessages(link, lang, out, err);
    }

    /**
     * Opens with {@code policy}; without one, proposes a rotating code on a server with a
     * teachers file and none in open mode, where anybody may read the code, so it proves nothing.
     */
    int open(ClassId classId, Optional<CodePolicy> policy, boolean acceptUnknown, Optional<Duration> lateAfter) {
        CodePolicy chosen = policy.orElseGet(() -> link.hello().openMode() ? CodePolicy.NONE : CodePolicy.ROTATING);
        Response reply = link.call(c -> c.open(classId, Optional.of(chosen), acceptUnknown, lateAfter), false);
        if (reply instanceof Response.Opened opened) {
            out.println(TeacherText.OPENED.format(lang, opened.classId(), HumanTime.format(opened.openedAt())));
            opened.lateAfter().ifPresent(late -> out.println(TeacherText.LATE_AFTER.format(lang,
                    HumanTime.clock(opened.openedAt().plus(late)), new HumanCount(late.toMinutes(), HumanCount.Unit.MINUTE))));
            printCode(classId, opened.code());
            return ExitCodes.OK;
        }
        return Refusals.of(err, lang, reply);
    }

    int close(ClassId classId) {
        Response reply = link.call(c -> c.close(classId), false);
        if (reply instanceof Response.RollCallReply closed && closed.rollCall().closedAt().isPresent()) {
            RollCallPrinter.closed(out, lang, closed.rollCall(), closed.names());
            return ExitCodes.OK;
        }
        return Refusals.of(err, lang, reply);
    }

    int status(ClassId classId) {
        Response reply = link.call(c -> c.status(classId), true);
        if (reply instanceof Response.RollCallReply status) {
            RollCallPrinter.open(out, lang, status.rollCall(), status.names());
            printCode(classId, status.code());
            if (status.alerts().wrongCodes() > 0) {
                out.println(TeacherText.ALERT_WRONG_CODES.format(lang,
                        new HumanCount(status.alerts().wrongCodes(), HumanCount.Unit.WRONG_CODE)));
            }
            if (status.alerts().slowed()) {
                out.println(TeacherText.ALERT_SLOWED.format(lang));
            }
            if (status.alerts().devicesTryingSeveral() > 0) {
                out.println(TeacherText.ALERT_DEVICES.format(lang, status.alerts().devicesTryingSeveral()));
            }
            return ExitCodes.OK;
        }
        return Refusals.of(err, lang, reply);
    }

    private void printCode(ClassId classId, Optional<CurrentCode> code) {
        code.ifPresent(current -> out.println(current.expiresAt()
                .map(expiry -> TeacherText.CODE_ROTATING.format(lang, current.code(), HumanTime.clock(expiry), classId))
                .orElseGet(() -> TeacherText.CODE_FIXED.format(lang, current.code()))));
    }

    int history(ClassId classId) {
        Response reply = link.call(c -> c.history(classId), true);
        if (!(reply instanceof Response.History history)) {
            return Refusals.of(err, lang, reply);
        }
        if (history.rollCalls().isEmpty()) {
            out.println(TeacherText.HISTORY_EMPTY.format(lang, classId));
            return ExitCodes.OK;
        }
        out.println(TeacherText.HISTORY.format(lang, classId, history.rollCalls().size()));
        int number = 1;
        for (PastRollCall past : history.rollCalls()) {
            String opened = HumanTime.format(past.openedAt());
            String closed = HumanTime.format(past.closedAt());
            String line = past.teacher().isReserved()
                    ? TeacherText.HISTORY_LINE_OPEN_MODE.format(lang, number, opened, closed, past.count(), past.id())
                    : TeacherText.HISTORY_LINE.format(lang, number, opened, closed, past.teacher(), past.count(),
                    past.id());
            boolean byServer = past.closedBy().filter(TeacherName.SERVER::equals).isPresent();
            out.println("  " + line + (byServer ? TeacherText.HISTORY_CLOSED_BY_SERVER.format(lang) : ""));
            number++;
        }
        return ExitCodes.OK;
    }

    /** Writes the closed roll calls of {@code classId} to {@code csv} ({@code -} for stdout), in {@code format}. */
    int export(ClassId classId, Path csv, ExportCsv.Format format) {
        Response reply = link.call(c -> c.export(classId), true);
        if (!(reply instanceof Response.Export export)) {
            return Refusals.of(err, lang, reply);
        }
        CsvExport.Summary summary = CsvExport.write(csv, export.rollCalls(), export.names(), format, out, lang);
        if (!CsvExport.isStdout(csv)) {
            out.println(TeacherText.EXPORTED.format(lang, summary.rollCalls(), classId, summary.checkIns(), csv));
        }
        return ExitCodes.OK;
    }

    /** Sets {@code matricula}'s status in roll call {@code rollCallId} of {@code classId} (its latest when empty). */
    int mark(ClassId classId, Matricula matricula, AttendanceStatus status, Reason reason, Optional<Long> rollCallId) {
        Response reply = link.call(c -> c.mark(classId, matricula, status, reason, rollCallId), false);
        if (!(reply instanceof Response.Marked marked)) {
            return Refusals.of(err, lang, reply);
        }
        out.println(TeacherText.MARKED.format(lang, matricula, StatusText.of(marked.to(), lang), marked.rollCallId(),
                classId, marked.from().map(from -> StatusText.of(from, lang)).orElse(TeacherText.NO_STATUS.format(lang))));
        return ExitCodes.OK;
    }

    /**
     * Prints the attendance report of {@code classId}, and writes it as CSV to {@code csv} where
     * given ({@code -} for standard output, instead of the table).
     */
    int report(ClassId classId, Optional<LocalDate> from, Optional<LocalDate> to, LateCountsAs lateCountsAs,
               Optional<Path> csv, ExportCsv.Format format, Optional<Path> xlsx) {
        Response reply = link.call(c -> c.report(classId, from, to, lateCountsAs), true);
        if (!(reply instanceof Response.Report answer)) {
            return Refusals.of(err, lang, reply);
        }
        AttendanceReport report = answer.report();
        xlsx.ifPresent(file -> writeXlsx(file, report));
        if (csv.isPresent()) {
            CsvExport.writeText(csv.get(), ReportCsv.of(report, format), out, lang);
            if (CsvExport.isStdout(csv.get())) {
                xlsx.ifPresent(file -> err.println(TeacherText.REPORT_WRITTEN.format(lang, file)));
                return ExitCodes.OK;
            }
        }
        String period = report.from().isPresent() || report.to().isPresent()
                ? TeacherText.REPORT_PERIOD.format(lang, report.from().map(HumanTime::date).orElse("…"),
                report.to().map(HumanTime::date).orElse("…")) : "";
        out.println(TeacherText.REPORT.format(lang, classId, report.rollCalls(), period,
                report.lateCountsAs() == LateCountsAs.ABSENT ? TeacherText.REPORT_LATE_AS_ABSENT.format(lang) : ""));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(TeacherText.REPORT_COLUMNS.format(lang).split("\\|")));
        for (ReportLine line : report.students()) {
            rows.add(row(line.matricula().map(Matricula::value).orElse(""), line.name().map(Object::toString).orElse(""),
                    line));
        }
        rows.add(row("", TeacherText.REPORT_TOTAL.format(lang), report.totals()));
        Table.print(out, rows, 2);
        csv.ifPresent(file -> out.println(TeacherText.REPORT_WRITTEN.format(lang, file)));
        xlsx.ifPresent(file -> out.println(TeacherText.REPORT_WRITTEN.format(lang, file)));
        return ExitCodes.OK;
    }

    private void writeXlsx(Path file, AttendanceReport report) {
        try (OutputStream stream = Files.newOutputStream(file)) {
            ReportXlsx.write(report, stream);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_WRITE_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
    }

    private static List<String> row(String matricula, String name, ReportLine line) {
        return List.of(matricula, name, Integer.toString(line.present()), Integer.toString(line.late()),
                Integer.toString(line.excused()), Integer.toString(line.absent()),
                line.rate().map(rate -> String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100)).orElse("-"));
    }

    /**
     * Prints {@code classId}'s defaults, having set its default lateness first when
     * {@code change} holds one (empty inside: none).
     */
    int defaults(ClassId classId, Optional<Optional<Duration>> change) {
        Response reply = link.call(c -> c.call(new Request.ClassDefaults(classId, change.isPresent(),
                change.flatMap(late -> late))), true);
        if (!(reply instanceof Response.ClassDefaults defaults)) {
            return Refusals.of(err, lang, reply);
        }
        out.println(defaults.lateAfter().map(late -> TeacherText.DEFAULT_LATE_AFTER.format(lang, classId,
                new HumanCount(late.toMinutes(), HumanCount.Unit.MINUTE))).orElseGet(() -> TeacherText.NO_DEFAULT_LATE_AFTER.format(lang, classId)));
        return ExitCodes.OK;
    }

    /** Prints every change of a status in {@code classId}'s roll calls, oldest first. */
    int audit(ClassId classId) {
        Response reply = link.call(c -> c.audit(classId), true);
        if (!(reply instanceof Response.Audit audit)) {
            return Refusals.of(err, lang, reply);
        }
        if (audit.entries().isEmpty()) {
            out.println(TeacherText.AUDIT_EMPTY.format(lang, classId));
            return ExitCodes.OK;
        }
        out.println(TeacherText.AUDIT.format(lang, classId, audit.entries().size()));
        for (AuditEntry entry : audit.entries()) {
            out.println("  " + TeacherText.AUDIT_LINE.format(lang, HumanTime.format(entry.at()), entry.rollCallId(),
                    entry.matricula(), entry.from().map(from -> StatusText.of(from, lang)).orElse(
                            TeacherText.NO_STATUS.format(lang)), StatusText.of(entry.to(), lang), entry.teacher(),
                    entry.reason()));
        }
        return ExitCodes.OK;
    }

    /** Prints the roster of {@code classId}, by name. */
    int roster(ClassId classId) {
        Response reply = link.call(c -> c.roster(classId), true);
        if (!(reply instanceof Response.RosterList roster)) {
            return Refusals.of(err, lang, reply);
        }
        if (roster.students().isEmpty()) {
            out.println(TeacherText.ROSTER_EMPTY.format(lang, classId));
            return ExitCodes.OK;
        }
        out.println(TeacherText.ROSTER.format(lang, classId, roster.students().size()));
        int matriculaWidth = roster.students().stream().mapToInt(s -> s.matricula().value().length()).max().orElse(0);
        for (RosterEntry student : roster.students()) {
            String matricula = student.matricula().value();
            out.println("  " + matricula + " ".repeat(matriculaWidth - matricula.length()) + "  " + student.name());
        }
        return ExitCodes.OK;
    }

    /** Makes {@code students} the whole roster of {@code classId} (none, if empty), and says what changed. */
    int importRoster(ClassId classId, List<RosterEntry> students) {
        // Idempotent: the roster is replaced whole, and a new connection sends every part again.
        Response reply = link.call(c -> c.importRoster(classId, students), true);
        if (!(reply instanceof Response.RosterImported imported)) {
            return Refusals.of(err, lang, reply);
        }
        RosterChange change = imported.change();
        out.println(change.total() == 0 ? TeacherText.ROSTER_CLEARED.format(lang, classId)
                : TeacherText.ROSTER_IMPORTED.format(lang, classId, change.total(), change.added(), change.renamed(),
                        change.removed()));
        return ExitCodes.OK;
    }
}
