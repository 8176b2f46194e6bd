package chamada.protocol;

import chamada.attendance.LateCountsAs;
import chamada.materials.MaterialChoice;
import chamada.messages.ShownChoice;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Writes a {@link Request} as one line of JSON (without the newline); the client side of {@link RequestDecoder}. */
public final class RequestEncoder {

    private final JsonFactory factory;

    public RequestEncoder(JsonFactory factory) {
        this.factory = factory;
    }

    public String encode(Request request) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField(Wire.OP, Op.of(request).wire());
            switch (request) {
                case Request.Hello hello -> {
                    if (hello.lang().isPresent()) {
                        g.writeStringField(Wire.LANG, hello.lang().get().tag());
                    }
                }
                case Request.Login login -> {
                    g.writeStringField(Wire.NAME, login.name());
                    g.writeStringField(Wire.SECRET, login.secret());
                }
                case Request.Resume resume -> g.writeStringField(Wire.TOKEN, resume.token());
                case Request.Open open -> {
                    g.writeNumberField(Wire.CLASS, open.classId().value());
                    if (open.codePolicy().isPresent()) {
                        g.writeStringField(Wire.CODE_POLICY, open.codePolicy().get().wire());
                    }
                    if (open.sharedDevices()) {
                        g.writeBooleanField(Wire.SHARED_DEVICES, true);
                    }
                    if (open.acceptUnknown()) {
                        g.writeBooleanField(Wire.ACCEPT_UNKNOWN, true);
                    }
                    if (open.lateAfter().isPresent()) {
                        g.writeNumberField(Wire.LATE_AFTER, open.lateAfter().get().toMinutes());
                    }
                }
                case Request.Close close -> g.writeNumberField(Wire.CLASS, close.classId().value());
                case Request.Status status -> g.writeNumberField(Wire.CLASS, status.classId().value());
                case Request.CheckIn checkIn -> {
                    g.writeStringField(Wire.MATRICULA, checkIn.matricula().value());
                    g.writeNumberField(Wire.CLASS, checkIn.classId().value());
                    if (checkIn.code().isPresent()) {
                        g.writeStringField(Wire.CHECK_IN_CODE, checkIn.code().get());
                    }
                }
                case Request.History history -> g.writeNumberField(Wire.CLASS, history.classId().value());
                case Request.Export export -> g.writeNumberField(Wire.CLASS, export.classId().value());
                case Request.RosterList roster -> g.writeNumberField(Wire.CLASS, roster.classId().value());
                case Request.Mark mark -> {
                    g.writeNumberField(Wire.CLASS, mark.classId().value());
                    g.writeStringField(Wire.MATRICULA, mark.matricula().value());
                    g.writeStringField(Wire.STATUS, mark.status().wire());
                    g.writeStringField(Wire.REASON, mark.reason().value());
                    if (mark.rollCallId().isPresent()) {
                        g.writeNumberField(Wire.ROLL_CALL, mark.rollCallId().get());
                    }
                }
                case Request.Audit audit -> g.writeNumberField(Wire.CLASS, audit.classId().value());
                case Request.Report report -> {
                    g.writeNumberField(Wire.CLASS, report.classId().value());
                    writeReportBounds(g, report.from(), report.to(), report.lateCountsAs());
                }
                case Request.RosterImport roster -> {
                    g.writeNumberField(Wire.CLASS, roster.classId().value());
                    writeStudents(g, roster.students());
                    if (roster.part() != 1) {
                        g.writeNumberField(Wire.PART, roster.part());
                    }
                    if (roster.more()) {
                        g.writeBooleanField(Wire.MORE, true);
                    }
                }
                case Request.ClassDefaults defaults -> {
                    g.writeNumberField(Wire.CLASS, defaults.classId().value());
                    if (defaults.set()) {
                        if (defaults.lateAfter().isPresent()) {
                            g.writeNumberField(Wire.LATE_AFTER, defaults.lateAfter().get().toMinutes());
                        } else {
                            g.writeStringField(Wire.LATE_AFTER, Wire.OFF);
                        }
                    }
                }
                case Request.Teachers teachers -> {
                }
                case Request.Account account -> {
                    g.writeStringField(Wire.ACTION, account.action().wire());
                    g.writeStringField(Wire.NAME, account.name().value());
                    if (account.secret().isPresent()) {
                        g.writeStringField(Wire.SECRET, account.secret().get());
                    }
                    if (account.administrator()) {
                        g.writeBooleanField(Wire.ADMIN, true);
                    }
                }
                case Request.Assign assign -> {
                    g.writeNumberField(Wire.CLASS, assign.classId().value());
                    writeNames(g, assign.teachers().stream().map(TeacherName::value).toList());
                }
                case Request.Assignments assignments -> {
                }
                case Request.StudentData data -> g.writeStringField(Wire.MATRICULA, data.matricula().value());
                case Request.ForgetStudent forget -> g.writeStringField(Wire.MATRICULA, forget.matricula().value());
                case Request.Message message -> {
                    g.writeNumberField(Wire.CLASS, message.classId().value());
                    if (message.sender().isPresent()) {
                        g.writeStringField(Wire.MATRICULA, message.sender().get().value());
                    }
                    g.writeStringField(Wire.TEXT, message.text().value());
                }
                case Request.Inbox inbox -> {
                    g.writeNumberField(Wire.CLASS, inbox.classId().value());
                    if (inbox.unreadOnly()) {
                        g.writeBooleanField(Wire.UNREAD, true);
                    }
                }
                case Request.MarkRead read -> {
                    g.writeNumberField(Wire.CLASS, read.classId().value());
                    g.writeArrayFieldStart(Wire.IDS);
                    for (long id : read.ids()) {
                        g.writeNumber(id);
                    }
                    g.writeEndArray();
                }
                case Request.Anonymous anonymous -> {
                    g.writeNumberField(Wire.CLASS, anonymous.classId().value());
                    if (anonymous.set().isPresent()) {
                        g.writeBooleanField(Wire.ANONYMOUS, anonymous.set().get());
                    }
                }
                case Request.Show show -> {
                    g.writeNumberField(Wire.CLASS, show.classId().value());
                    if (show.id().isPresent()) {
                        g.writeNumberField(Wire.ID, show.id().get());
                    } else {
                        g.writeStringField(Wire.ID, ShownChoice.OFF);
                    }
                }
                case Request.Watch watch -> g.writeNumberField(Wire.CLASS, watch.classId().value());
                case Request.Materials materials -> g.writeNumberField(Wire.CLASS, materials.classId().value());
                case Request.Upload upload -> {
                    g.writeNumberField(Wire.CLASS, upload.classId().value());
                    g.writeStringField(Wire.FILE, upload.name().value());
                    g.writeNumberField(Wire.SIZE, upload.size());
                    if (upload.sha256().isPresent()) {
                        g.writeStringField(Wire.SHA256, upload.sha256().get());
                    }
                }
                case Request.Download download -> {
                    g.writeNumberField(Wire.CLASS, download.classId().value());
                    switch (download.choice()) {
                        case MaterialChoice.ByName byName -> g.writeStringField(Wire.FILE, byName.name().value());
                        case MaterialChoice.ByNumber byNumber -> g.writeNumberField(Wire.FILE, byNumber.number());
                    }
                    if (download.offset() > 0) {
                        g.writeNumberField(Wire.OFFSET, download.offset());
                    }
                }
                case Request.RemoveMaterial remove -> {
                    g.writeNumberField(Wire.CLASS, remove.classId().value());
                    g.writeStringField(Wire.FILE, remove.name().value());
                }
                case Request.Backup backup -> {
                }
                case Request.Health health -> {
                }
                case Request.Help help -> {
                }
                case Request.Quit quit -> {
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    /** A report's period and rule, in its request and its reply alike. */
    static void writeReportBounds(JsonGenerator g, Optional<LocalDate> from, Optional<LocalDate> to,
                                  LateCountsAs lateCountsAs) throws IOException {
        if (from.isPresent()) {
            g.writeStringField(Wire.FROM, from.get().toString());
        }
        if (to.isPresent()) {
            g.writeStringField(Wire.TO, to.get().toString());
        }
        g.writeStringField(Wire.LATE_COUNTS_AS, lateCountsAs.wire());
    }

    /** Teachers' names as the protocol lists them, in a request or a reply: {@code "teachers":["ana","bia"]}. */
    static void writeNames(JsonGenerator g, List<String> teachers) throws IOException {
        g.writeArrayFieldStart(Wire.TEACHERS);
        for (String teacher : teachers) {
            g.writeString(teacher);
        }
        g.writeEndArray();
    }

    /** A roster's students as the protocol lists them, in a request or a reply: {@code "students":[{matricula, name}]}. */
    static void writeStudents(JsonGenerator g, List<RosterEntry> students) throws IOException {
        g.writeArrayFieldStart(Wire.STUDENTS);
        for (RosterEntry student : students) {
            g.writeStartObject();
            g.writeStringField(Wire.MATRICULA, student.matricula().value());
            g.writeStringField(Wire.NAME, student.name().value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
