package chamada.protocol;

import chamada.attendance.AttendanceReport;
import chamada.attendance.AuditEntry;
import chamada.attendance.ReportLine;
import chamada.attendance.RollCallLine;
import chamada.materials.Material;
import chamada.messages.ClassMessage;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import chamada.roster.RosterChange;
import chamada.roster.RosterNames;
import chamada.roster.StudentName;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link Response} as one line of JSON (without the newline). Every reply has
 * {@code "ok"}; successful ones also name their {@code "op"}, so a reader of a pipelined
 * stream can tell them apart without keeping its own list.
 *
 * <p>Stateless and thread-safe; streams straight through Jackson's generator, no tree.
 */
public final class ResponseEncoder {

    private final JsonFactory factory;

    public ResponseEncoder(JsonFactory factory) {
        this.factory = factory;
    }

    public String encode(Response response) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(g, response);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Writes {@code response} to {@code out} as UTF-8, without a line end: for a front that
     * writes bytes, with no string in between.
     */
    public void encode(Response response, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            write(g, response);
        }
    }

    /**
     * Writes a watched class's {@code event} to {@code out} as one line of UTF-8 JSON without its
     * end: its {@code "event"} (where a reply has {@code "ok"}) and its fields ({@link EventJson}).
     */
    public void encode(RollCallEvent event, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField(Wire.EVENT, EventJson.name(event));
            EventJson.writeFields(g, event, false);
            g.writeEndObject();
        }
    }

    /** A material's fields as a client sees them: never the key its bytes are kept under. */
    private static void writeMaterial(JsonGenerator g, Material material) throws IOException {
        g.writeStringField(Wire.FILE, material.name().value());
        g.writeNumberField(Wire.SIZE, material.size());
        g.writeStringField(Wire.SHA256, material.sha256());
        g.writeStringField(Wire.PUBLISHED_AT, Wire.time(material.publishedAt()));
        g.writeStringField(Wire.PUBLISHED_BY, material.publishedBy().value());
    }

    private static void write(JsonGenerator g, Response response) throws IOException {
        g.writeStartObject();
        g.writeBooleanField(Wire.OK, response.ok());
        switch (response) {
            case Response.Hello hello -> {
                g.writeStringField(Wire.OP, Op.HELLO.wire());
                g.writeNumberField(Wire.PROTOCOL, hello.protocol());
                g.writeStringField(Wire.SERVER, hello.server());
                g.writeStringField(Wire.LANG, hello.lang());
                g.writeBooleanField(Wire.OPEN_MODE, hello.openMode());
            }
            case Response.LoggedIn loggedIn -> {
                g.writeStringField(Wire.OP, Op.LOGIN.wire());
                g.writeStringField(Wire.TEACHER, loggedIn.teacher());
                if (loggedIn.token().isPresent()) {
                    g.writeStringField(Wire.TOKEN, loggedIn.token().get());
                }
            }
            case Response.Resumed resumed -> {
                g.writeStringField(Wire.OP, Op.RESUME.wire());
                g.writeStringField(Wire.TEACHER, resumed.teacher());
            }
            case Response.Opened opened -> {
                g.writeStringField(Wire.OP, Op.OPEN.wire());
                g.writeNumberField(Wire.CLASS, opened.classId());
                g.writeStringField(Wire.OPENED_AT, Wire.time(opened.openedAt()));
                g.writeStringField(Wire.CODE_POLICY, opened.codePolicy().wire());
                g.writeBooleanField(Wire.SHARED_DEVICES, opened.sharedDevices());
                writeLateAfter(g, opened.lateAfter());
                writeCode(g, opened.code());
            }
            case Response.RollCallReply reply -> {
                RollCall rollCall = reply.rollCall();
                g.writeStringField(Wire.OP, (rollCall.isOpen() ? Op.STATUS : Op.CLOSE).wire());
                writeRollCall(g, rollCall);
                g.writeStringField(Wire.CODE_POLICY, reply.codePolicy().wire());
                writeCode(g, reply.code());
                if (reply.alerts().wrongCodes() > 0) {
                    g.writeNumberField(Wire.WRONG_CODES, reply.alerts().wrongCodes());
                }
                if (reply.alerts().devicesTryingSeveral() > 0) {
                    g.writeNumberField(Wire.DEVICES_TRYING_SEVERAL, reply.alerts().devicesTryingSeveral());
                }
                writePresent(g, rollCall, reply.names(), true);
            }
            case Response.CheckedIn checkedIn -> {
                g.writeStringField(Wire.OP, Op.CHECKIN.wire());
                g.writeNumberField(Wire.CLASS, checkedIn.classId());
                g.writeStringField(Wire.AT, Wire.time(checkedIn.at()));
                g.writeStringField(Wire.STATUS, checkedIn.late() ? Wire.LATE : Wire.PRESENT_STATUS);
                // Last, as the benchmark's reader expects of an acknowledged check-in (ChamadaLines).
                g.writeBooleanField(Wire.ALREADY_REGISTERED, checkedIn.alreadyRegistered());
                if (checkedIn.replaced().isPresent()) {
                    g.writeStringField(Wire.REPLACED, checkedIn.replaced().get().value());
                }
            }
            case Response.CheckInRefused refused -> {
                g.writeStringField(Wire.OP, Op.CHECKIN.wire());
                g.writeStringField(Wire.CODE, refused.code().wireName());
                g.writeStringField(Wire.MESSAGE, refused.message());
                g.writeNumberField(Wire.CLASS, 0);
                g.writeStringField(Wire.AT, Wire.time(refused.at()));
            }
            case Response.History history -> {
                g.writeStringField(Wire.OP, Op.HISTORY.wire());
                g.writeNumberField(Wire.CLASS, history.classId());
                g.writeArrayFieldStart(Wire.ROLL_CALLS);
                for (PastRollCall past : history.rollCalls()) {
                    g.writeStartObject();
                    g.writeNumberField(Wire.ID, past.id());
                    g.writeStringField(Wire.TEACHER, past.teacher().value());
                    g.writeStringField(Wire.OPENED_AT, Wire.time(past.openedAt()));
                    g.writeStringField(Wire.CLOSED_AT, Wire.time(past.closedAt()));
                    g.writeNumberField(Wire.COUNT, past.count());
                    if (past.closedBy().isPresent()) {
                        g.writeStringField(Wire.CLOSED_BY, past.closedBy().get().value());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Response.Export export -> {
                g.writeStringField(Wire.OP, Op.EXPORT.wire());
                g.writeNumberField(Wire.CLASS, export.classId());
                g.writeArrayFieldStart(Wire.ROLL_CALLS);
                for (NumberedRollCall numbered : export.rollCalls()) {
                    RollCall rollCall = numbered.rollCall();
                    g.writeStartObject();
                    g.writeNumberField(Wire.ID, numbered.id());
                    writeRollCall(g, rollCall);
                    // Today's roster, against roll calls of other days: names, but no "not on the roster".
                    writePresent(g, rollCall, export.names(), false);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Response.Marked marked -> {
                g.writeStringField(Wire.OP, Op.MARK.wire());
                g.writeNumberField(Wire.CLASS, marked.classId());
                g.writeNumberField(Wire.ROLL_CALL, marked.rollCallId());
                g.writeStringField(Wire.MATRICULA, marked.matricula().value());
                if (marked.from().isPresent()) {
                    g.writeStringField(Wire.FROM, marked.from().get().wire());
                }
                g.writeStringField(Wire.STATUS, marked.to().wire());
                g.writeStringField(Wire.AT, Wire.time(marked.at()));
            }
            case Response.Report reply -> {
                AttendanceReport report = reply.report();
                g.writeStringField(Wire.OP, Op.REPORT.wire());
                g.writeNumberField(Wire.CLASS, report.classId().value());
                RequestEncoder.writeReportBounds(g, report.from(), report.to(), report.lateCountsAs());
                g.writeNumberField(Wire.ROLL_CALL_COUNT, report.rollCalls());
                g.writeArrayFieldStart(Wire.STUDENTS);
                for (ReportLine line : report.students()) {
                    writeReportLine(g, line);
                }
                g.writeEndArray();
                g.writeFieldName(Wire.TOTALS);
                writeReportLine(g, report.totals());
                g.writeArrayFieldStart(Wire.ROLL_CALLS);
                for (RollCallLine line : report.byRollCall()) {
                    g.writeStartObject();
                    g.writeNumberField(Wire.ID, line.rollCallId());
                    g.writeStringField(Wire.OPENED_AT, Wire.time(line.openedAt()));
                    writeReportCounts(g, line.counts());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Response.Audit audit -> {
                g.writeStringField(Wire.OP, Op.AUDIT.wire());
                g.writeNumberField(Wire.CLASS, audit.classId());
                g.writeArrayFieldStart(Wire.ENTRIES);
                for (AuditEntry entry : audit.entries()) {
                    g.writeStartObject();
                    g.writeNumberField(Wire.ID, entry.id());
                    g.writeStringField(Wire.AT, Wire.time(entry.at()));
                    g.writeStringField(Wire.TEACHER, entry.teacher().value());
                    g.writeNumberField(Wire.ROLL_CALL, entry.rollCallId());
                    g.writeStringField(Wire.MATRICULA, entry.matricula().value());
                    if (entry.from().isPresent()) {
                        g.writeStringField(Wire.FROM, entry.from().get().wire());
                    }
                    g.writeStringField(Wire.TO, entry.to().wire());
                    g.writeStringField(Wire.REASON, entry.reason().value());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Response.ClassDefaults defaults -> {
                g.writeStringField(Wire.OP, Op.CLASS_DEFAULTS.wire());
                g.writeNumberField(Wire.CLASS, defaults.classId());
                writeLateAfter(g, defaults.lateAfter());
            }
            case Response.Teachers teachers -> {
                g.writeStringField(Wire.OP, Op.TEACHERS.wire());
                g.writeArrayFieldStart(Wire.TEACHERS);
                for (Response.TeacherAccount account : teachers.teachers()) {
                    g.writeStartObject();
                    g.writeStringField(Wire.NAME, account.name());
                    g.writeBooleanField(Wire.ADMIN, account.administrator());
                    g.writeBooleanField(Wire.DISABLED, account.disabled());
                    g.writeBooleanField(Wire.FROM_FILE, account.fromFile());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Response.AccountChanged changed -> {
                g.writeStringField(Wire.OP, Op.ACCOUNT.wire());
                g.writeStringField(Wire.ACTION, changed.action());
                g.writeStringField(Wire.NAME, changed.name());
            }
            case Response.Assigned assigned -> {
                g.writeStringField(Wire.OP, Op.ASSIGN.wire());
                g.writeNumberField(Wire.CLASS, assigned.classId());
                RequestEncoder.writeNames(g, assigned.teachers());
            }
            case Response.Assignments assignments -> {
                g.writeStringField(Wire.OP, Op.ASSIGNMENTS.wire());
                g.writeArrayFieldStart(Wire.CLASSES);
                for (Response.Assigned assigned : assignments.classes()) {
                    g.writeStartObject();
                    g.writeNumberField(Wire.CLASS, assigned.classId());
                    RequestEncoder.writeNames(g, assigned.teachers());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Response.MessageSent sent -> {
                g.writeStringField(Wire.OP, Op.MESSAGE.wire());
                g.writeNumberField(Wire.CLASS, sent.classId());
                g.writeNumberField(Wire.ID, sent.id());
                g.writeStringField(Wire.AT, Wire.time(sent.at()));
            }
            case Response.Inbox inbox -> {
                g.writeStringField(Wire.OP, Op.INBOX.wire());
                g.writeNumberField(Wire.CLASS, inbox.classId());
                g.writeArrayFieldStart(Wire.MESSAGES);
                for (ClassMessage message : inbox.messages()) {
                    g.writeStartObject();
                    g.writeNumberField(Wire.ID, message.id());
                    if (message.sender().isPresent()) {
                        g.writeStringField(Wire.MATRICULA, message.sender().get().value());
                    }
                    g.writeStringField(Wire.TEXT, message.text().value());
                    g.writeStringField(Wire.AT, Wire.time(message.at()));
                    g.writeBooleanField(Wire.READ, message.read());
                    g.writeEndObject();
                }
                g.writeEndArray();
                writeShown(g, inbox.shown());
            }
            case Response.MarkedRead read -> {
                g.writeStringField(Wire.OP, Op.READ.wire());
                g.writeNumberField(Wire.CLASS, read.classId());
                g.writeNumberField(Wire.MARKED, read.marked());
            }
            case Response.QuestionShown shown -> {
                g.writeStringField(Wire.OP, Op.SHOW.wire());
                g.writeNumberField(Wire.CLASS, shown.classId());
                writeShown(g, shown.shown());
            }
            case Response.Anonymous anonymous -> {
                g.writeStringField(Wire.OP, Op.ANONYMOUS.wire());
                g.writeNumberField(Wire.CLASS, anonymous.classId());
                g.writeBooleanField(Wire.ANONYMOUS, anonymous.anonymous());
            }
            case Response.Watching watching -> {
                g.writeStringField(Wire.OP, Op.WATCH.wire());
                g.writeNumberField(Wire.CLASS, watching.classId());
            }
            case Response.Materials materials -> {
                g.writeStringField(Wire.OP, Op.MATERIALS.wire());
                g.writeNumberField(Wire.CLASS, materials.classId());
                g.writeArrayFieldStart(Wire.MATERIALS);
                int number = 0;
                for (Material material : materials.materials()) {
                    g.writeStartObject();
                    g.writeNumberField(Wire.NUMBER, ++number);
                    writeMaterial(g, material);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            case Response.UploadReady ready -> {
                g.writeStringField(Wire.OP, Op.UPLOAD.wire());
                g.writeNumberField(Wire.CLASS, ready.classId());
                g.writeStringField(Wire.FILE, ready.file());
                g.writeNumberField(Wire.SIZE, ready.size());
            }
            case Response.Uploaded uploaded -> {
                g.writeStringField(Wire.OP, Op.UPLOAD.wire());
                g.writeNumberField(Wire.CLASS, uploaded.material().classId().value());
                writeMaterial(g, uploaded.material());
            }
            case Response.Download download -> {
                g.writeStringField(Wire.OP, Op.DOWNLOAD.wire());
                g.writeNumberField(Wire.CLASS, download.material().classId().value());
                writeMaterial(g, download.material());
                g.writeNumberField(Wire.OFFSET, download.offset());
                g.writeNumberField(Wire.LENGTH, download.length());
            }
            case Response.MaterialRemoved removed -> {
                g.writeStringField(Wire.OP, Op.REMOVE_MATERIAL.wire());
                g.writeNumberField(Wire.CLASS, removed.classId());
                g.writeStringField(Wire.FILE, removed.file());
            }
            case Response.StudentData data -> {
                g.writeStringField(Wire.OP, Op.STUDENT_DATA.wire());
                StudentRecordsJson.writeFields(g, data.records());
            }
            case Response.Forgotten forgotten -> {
                g.writeStringField(Wire.OP, Op.FORGET.wire());
                g.writeStringField(Wire.PSEUDONYM, forgotten.pseudonym());
            }
            case Response.RosterList roster -> {
                g.writeStringField(Wire.OP, Op.ROSTER.wire());
                g.writeNumberField(Wire.CLASS, roster.classId());
                RequestEncoder.writeStudents(g, roster.students());
            }
            case Response.RosterStaged staged -> {
                g.writeStringField(Wire.OP, Op.ROSTER_IMPORT.wire());
                g.writeNumberField(Wire.CLASS, staged.classId());
                g.writeNumberField(Wire.STAGED, staged.staged());
            }
            case Response.RosterImported imported -> {
                RosterChange change = imported.change();
                g.writeStringField(Wire.OP, Op.ROSTER_IMPORT.wire());
                g.writeNumberField(Wire.CLASS, change.classId().value());
                g.writeNumberField(Wire.STUDENTS, change.total());
                g.writeNumberField(Wire.ADDED, change.added());
                g.writeNumberField(Wire.RENAMED, change.renamed());
                g.writeNumberField(Wire.REMOVED, change.removed());
            }
            case Response.Help help -> {
                g.writeStringField(Wire.OP, Op.HELP.wire());
                g.writeArrayFieldStart(Wire.COMMANDS);
                for (String command : help.commands()) {
                    g.writeString(command);
                }
                g.writeEndArray();
            }
            case Response.Goodbye goodbye -> {
                g.writeStringField(Wire.OP, Op.QUIT.wire());
                g.writeStringField(Wire.MESSAGE, goodbye.message());
            }
            case Response.Backup backup -> {
                g.writeStringField(Wire.OP, Op.BACKUP.wire());
                g.writeStringField(Wire.AT, Wire.time(backup.at()));
                g.writeNumberField(Wire.SIZE, backup.size());
                g.writeStringField(Wire.SHA256, backup.sha256());
                g.writeNumberField(Wire.MATERIAL_FILES, backup.materialFiles());
            }
            case Response.Health health -> {
                g.writeStringField(Wire.OP, Op.HEALTH.wire());
                g.writeBooleanField(Wire.HEALTHY, health.healthy());
                if (health.problem().isPresent()) {
                    g.writeStringField(Wire.PROBLEM, health.problem().get());
                }
                g.writeNumberField(Wire.JOURNAL_LAG, health.journalLag());
            }
            case Response.Failure failure -> {
                g.writeStringField(Wire.CODE, failure.code().wireName());
                g.writeStringField(Wire.MESSAGE, failure.message());
            }
        }
        g.writeEndObject();
    }

    private static void writeRollCall(JsonGenerator g, RollCall rollCall) throws IOException {
        g.writeNumberField(Wire.CLASS, rollCall.classId().value());
        g.writeStringField(Wire.TEACHER, rollCall.teacher().value());
        g.writeStringField(Wire.OPENED_AT, Wire.time(rollCall.openedAt()));
        if (rollCall.closedAt().isPresent()) {
            g.writeStringField(Wire.CLOSED_AT, Wire.time(rollCall.closedAt().get()));
        }
        g.writeNumberField(Wire.COUNT, rollCall.present().size());
        writeLateAfter(g, rollCall.rules().lateAfter());
    }

    private static void writeReportLine(JsonGenerator g, ReportLine line) throws IOException {
        g.writeStartObject();
        writeReportCounts(g, line);
        g.writeEndObject();
    }

    /** A report line's fields, in the object the caller began. */
    private static void writeReportCounts(JsonGenerator g, ReportLine line) throws IOException {
        if (line.matricula().isPresent()) {
            g.writeStringField(Wire.MATRICULA, line.matricula().get().value());
        }
        if (line.name().isPresent()) {
            g.writeStringField(Wire.NAME, line.name().get().value());
        }
        g.writeNumberField(Wire.PRESENT, line.present());
        g.writeNumberField(Wire.LATE, line.late());
        g.writeNumberField(Wire.EXCUSED, line.excused());
        g.writeNumberField(Wire.ABSENT, line.absent());
        if (line.rate().isPresent()) {
            g.writeNumberField(Wire.RATE, Math.round(line.rate().get() * 10_000) / 10_000.0);
        }
    }

    private static void writeLateAfter(JsonGenerator g, Optional<Duration> lateAfter) throws IOException {
        if (lateAfter.isPresent()) {
            g.writeNumberField(Wire.LATE_AFTER, lateAfter.get().toMinutes());
        }
    }

    private static void writeCode(JsonGenerator g, Optional<CurrentCode> code) throws IOException {
        if (code.isPresent()) {
            g.writeStringField(Wire.CHECK_IN_CODE, code.get().code());
            if (code.get().expiresAt().isPresent()) {
                g.writeStringField(Wire.CODE_EXPIRES_AT, Wire.time(code.get().expiresAt().get()));
            }
        }
    }

    /**
     * The students present, each with their name from the class's roster where it has them, or
     * if {@code markUnknown}, marked as not on it (a roll call opened to accept unknown
     * matrículas), and their status where the roll call has a late-after; then, once closed, the
     * roster's students absent.
     */
    private static void writePresent(JsonGenerator g, RollCall rollCall, RosterNames names, boolean markUnknown)
            throws IOException {
        writeHasRoster(g, names);
        g.writeArrayFieldStart(Wire.PRESENT);
        for (CheckIn checkIn : rollCall.present()) {
            g.writeStartObject();
            g.writeStringField(Wire.MATRICULA, checkIn.matricula().value());
            g.writeStringField(Wire.AT, Wire.time(checkIn.at()));
            if (rollCall.rules().lateAfter().isPresent() || rollCall.statuses().containsKey(checkIn.matricula())) {
                g.writeStringField(Wire.STATUS, rollCall.statusOf(checkIn).wire());
            }
            Optional<StudentName> name = names.nameOf(checkIn.matricula());
            if (name.isPresent()) {
                g.writeStringField(Wire.NAME, name.get().value());
            } else if (markUnknown && names.notOnRoster(checkIn.matricula())) {
                g.writeBooleanField(Wire.NOT_ON_ROSTER, true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        List<Matricula> absent = rollCall.absent();
        if (!absent.isEmpty() || !rollCall.isOpen() && names.hasRoster()) {
            g.writeArrayFieldStart(Wire.ABSENT);
            for (Matricula matricula : absent) {
                writeWithoutCheckIn(g, matricula, Optional.empty(), names);
            }
            g.writeEndArray();
        }
        List<Matricula> marked = rollCall.markedWithoutCheckIn();
        if (!marked.isEmpty()) {
            g.writeArrayFieldStart(Wire.MARKED);
            for (Matricula matricula : marked) {
                writeWithoutCheckIn(g, matricula, Optional.of(rollCall.statuses().get(matricula)), names);
            }
            g.writeEndArray();
        }
    }

    /**
     * A student with a status and no check-in: absent (on the roster at the close, or so marked),
     * or marked present, late or excused by a teacher; a name unless the roster lost it since.
     */
    private static void writeWithoutCheckIn(JsonGenerator g, Matricula matricula, Optional<AttendanceStatus> status,
                                            RosterNames names) throws IOException {
        g.writeStartObject();
        g.writeStringField(Wire.MATRICULA, matricula.value());
        if (status.isPresent()) {
            g.writeStringField(Wire.STATUS, status.get().wire());
        }
        Optional<StudentName> name = names.nameOf(matricula);
        if (name.isPresent()) {
            g.writeStringField(Wire.NAME, name.get().value());
        }
        g.writeEndObject();
    }

    /** {@code "has_roster":true} for a class with a roster; nothing for one without, as before rosters. */
    private static void writeHasRoster(JsonGenerator g, RosterNames names) throws IOException {
        if (names.hasRoster()) {
            g.writeBooleanField(Wire.HAS_ROSTER, true);
        }
    }

    /** The question a class's screen shows, without its sender; nothing when none is. */
    private static void writeShown(JsonGenerator g, Optional<ClassMessage> shown) throws IOException {
        if (shown.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(Wire.SHOWN);
        g.writeNumberField(Wire.ID, shown.get().id());
        g.writeStringField(Wire.TEXT, shown.get().text().value());
        g.writeStringField(Wire.AT, Wire.time(shown.get().at()));
        g.writeEndObject();
    }
}
