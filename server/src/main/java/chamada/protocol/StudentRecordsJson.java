package chamada.protocol;

import chamada.attendance.AuditEntry;
import chamada.attendance.Reason;
import chamada.privacy.StudentRecords;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.roster.StudentName;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything held about a student as JSON: the fields of the {@code student_data} reply, and the
 * document {@code chamada admin export-student} writes, the same fields without the reply's.
 */
public final class StudentRecordsJson {

    private StudentRecordsJson() {
    }

    /** {@code records} as a document of its own, indented for a person to read. */
    public static String document(StudentRecords records) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            writeFields(g, records);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out + "\n";
    }

    /** The fields of {@code records}, in the object {@code g} has begun. */
    static void writeFields(JsonGenerator g, StudentRecords records) throws IOException {
        g.writeStringField(Wire.MATRICULA, records.matricula().value());
        g.writeArrayFieldStart(Wire.ROSTERS);
        for (StudentRecords.RosterListing listing : records.rosters()) {
            g.writeStartObject();
            g.writeNumberField(Wire.CLASS, listing.classId().value());
            g.writeStringField(Wire.NAME, listing.name().value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart(Wire.CHECK_INS);
        for (StudentRecords.CheckInRecord checkIn : records.checkIns()) {
            g.writeStartObject();
            g.writeNumberField(Wire.CLASS, checkIn.classId().value());
            g.writeNumberField(Wire.ROLL_CALL, checkIn.rollCallId());
            g.writeStringField(Wire.AT, Wire.time(checkIn.at()));
            g.writeBooleanField(Wire.FROM_DEVICE, checkIn.fromDevice());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart(Wire.STATUSES);
        for (StudentRecords.StatusRecord status : records.statuses()) {
            g.writeStartObject();
            g.writeNumberField(Wire.CLASS, status.classId().value());
            g.writeNumberField(Wire.ROLL_CALL, status.rollCallId());
            g.writeStringField(Wire.STATUS, status.status().wire());
            g.writeStringField(Wire.SOURCE, status.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart(Wire.REPLACEMENTS);
        for (StudentRecords.ReplacementRecord replacement : records.replacements()) {
            g.writeStartObject();
            g.writeNumberField(Wire.CLASS, replacement.classId().value());
            g.writeNumberField(Wire.ROLL_CALL, replacement.rollCallId());
            g.writeStringField(Wire.AT, Wire.time(replacement.at()));
            g.writeStringField(Wire.REPLACED, replacement.replaced().value());
            g.writeStringField(Wire.BY, replacement.by().value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart(Wire.AUDIT);
        for (AuditEntry entry : records.audit()) {
            g.writeStartObject();
            g.writeNumberField(Wire.ID, entry.id());
            g.writeStringField(Wire.AT, Wire.time(entry.at()));
            g.writeStringField(Wire.TEACHER, entry.teacher().value());
            g.writeNumberField(Wire.CLASS, entry.classId().value());
            g.writeNumberField(Wire.ROLL_CALL, entry.rollCallId());
            if (entry.from().isPresent()) {
                g.writeStringField(Wire.FROM, entry.from().get().wire());
            }
            g.writeStringField(Wire.TO, entry.to().wire());
            g.writeStringField(Wire.REASON, entry.reason().value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart(Wire.MESSAGES);
        for (StudentRecords.MessageRecord message : records.messages()) {
            g.writeStartObject();
            g.writeNumberField(Wire.CLASS, message.classId().value());
            g.writeNumberField(Wire.ID, message.id());
            g.writeStringField(Wire.AT, Wire.time(message.at()));
            g.writeStringField(Wire.TEXT, message.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The records a {@code student_data} reply holds. */
    static StudentRecords read(JsonNode node) {
        Matricula matricula = new Matricula(node.path(Wire.MATRICULA).asText());
        List<StudentRecords.RosterListing> rosters = new ArrayList<>();
        for (JsonNode item : node.path(Wire.ROSTERS)) {
            rosters.add(new StudentRecords.RosterListing(classId(item), new StudentName(item.path(Wire.NAME).asText())));
        }
        List<StudentRecords.CheckInRecord> checkIns = new ArrayList<>();
        for (JsonNode item : node.path(Wire.CHECK_INS)) {
            checkIns.add(new StudentRecords.CheckInRecord(classId(item), item.path(Wire.ROLL_CALL).asLong(),
                    time(item, Wire.AT), item.path(Wire.FROM_DEVICE).asBoolean()));
        }
        List<StudentRecords.StatusRecord> statuses = new ArrayList<>();
        for (JsonNode item : node.path(Wire.STATUSES)) {
            statuses.add(new StudentRecords.StatusRecord(classId(item), item.path(Wire.ROLL_CALL).asLong(),
                    AttendanceStatus.fromWire(item.path(Wire.STATUS).asText()).orElseThrow(),
                    item.path(Wire.SOURCE).asText()));
        }
        List<StudentRecords.ReplacementRecord> replacements = new ArrayList<>();
        for (JsonNode item : node.path(Wire.REPLACEMENTS)) {
            replacements.add(new StudentRecords.ReplacementRecord(classId(item), item.path(Wire.ROLL_CALL).asLong(),
                    time(item, Wire.AT), new Matricula(item.path(Wire.REPLACED).asText()),
                    new Matricula(item.path(Wire.BY).asText())));
        }
        List<AuditEntry> audit = new ArrayList<>();
        for (JsonNode item : node.path(Wire.AUDIT)) {
            audit.add(new AuditEntry(item.path(Wire.ID).asLong(), time(item, Wire.AT),
                    new TeacherName(item.path(Wire.TEACHER).asText()), classId(item), item.path(Wire.ROLL_CALL).asLong(),
                    matricula, item.hasNonNull(Wire.FROM) ? AttendanceStatus.fromWire(item.path(Wire.FROM).asText())
                    : Optional.empty(), AttendanceStatus.fromWire(item.path(Wire.TO).asText()).orElseThrow(),
                    new Reason(item.path(Wire.REASON).asText())));
        }
        List<StudentRecords.MessageRecord> messages = new ArrayList<>();
        for (JsonNode item : node.path(Wire.MESSAGES)) {
            messages.add(new StudentRecords.MessageRecord(classId(item), item.path(Wire.ID).asLong(), time(item, Wire.AT),
                    item.path(Wire.TEXT).asText()));
        }
        return new StudentRecords(matricula, rosters, checkIns, statuses, replacements, audit, messages);
    }

    private static ClassId classId(JsonNode item) {
        return new ClassId(item.path(Wire.CLASS).asInt());
    }

    private static OffsetDateTime time(JsonNode item, String field) {
        return Wire.parseTime(item.path(field).asText());
    }
}
