package chamada.protocol;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A class's event as JSON, the same on both fronts that push them: the web's event stream
 * ({@code event:} its {@link #name}, {@code data:} its fields) and the native protocol's
 * {@code watch} (one line, its fields and {@code "event":} its name). A projector's view masks
 * matrículas and leaves out who a check-in replaced.
 */
public final class EventJson {

    public static final String OPEN = "open";
    public static final String CHECKIN = "checkin";
    public static final String CLOSE = "close";
    public static final String MARK = "mark";
    public static final String MESSAGE = "message";
    public static final String QUESTION = "question";

    private EventJson() {
    }

    public static String name(RollCallEvent event) {
        return switch (event) {
            case RollCallEvent.Opened opened -> OPEN;
            case RollCallEvent.CheckedIn checkedIn -> CHECKIN;
            case RollCallEvent.Closed closed -> CLOSE;
            case RollCallEvent.Marked marked -> MARK;
            case RollCallEvent.MessagePosted posted -> MESSAGE;
            case RollCallEvent.QuestionShown shown -> QUESTION;
        };
    }

    /** The event's fields into the object {@code g} is writing; {@code masked} for a projector. */
    public static void writeFields(JsonGenerator g, RollCallEvent event, boolean masked) throws IOException {
        g.writeNumberField(Wire.CLASS, event.classId().value());
        switch (event) {
            case RollCallEvent.Opened opened -> g.writeStringField(Wire.OPENED_AT, Wire.time(opened.at()));
            case RollCallEvent.CheckedIn checkedIn -> {
                g.writeStringField(Wire.MATRICULA, masked ? Masked.matricula(checkedIn.matricula())
                        : checkedIn.matricula().value());
                g.writeStringField(Wire.AT, Wire.time(checkedIn.at()));
                g.writeNumberField(Wire.COUNT, checkedIn.count());
                if (checkedIn.replaced().isPresent() && !masked) {
                    g.writeStringField(Wire.REPLACED, checkedIn.replaced().get().value());
                }
            }
            case RollCallEvent.Closed closed -> {
                g.writeStringField(Wire.CLOSED_AT, Wire.time(closed.at()));
                g.writeNumberField(Wire.COUNT, closed.count());
            }
            case RollCallEvent.Marked marked -> {
                g.writeNumberField(Wire.ROLL_CALL, marked.rollCallId());
                g.writeStringField(Wire.MATRICULA, masked ? Masked.matricula(marked.matricula())
                        : marked.matricula().value());
                g.writeStringField(Wire.STATUS, marked.status().wire());
                g.writeStringField(Wire.AT, Wire.time(marked.at()));
            }
            case RollCallEvent.MessagePosted posted -> {
                g.writeNumberField(Wire.ID, posted.id());
                if (posted.sender().isPresent()) {
                    g.writeStringField(Wire.MATRICULA, posted.sender().get().value());
                }
                g.writeStringField(Wire.TEXT, posted.text());
                g.writeStringField(Wire.AT, Wire.time(posted.at()));
            }
            case RollCallEvent.QuestionShown shown -> {
                g.writeStringField(Wire.AT, Wire.time(shown.at()));
                if (shown.question().isPresent()) {
                    g.writeNumberField(Wire.ID, shown.question().get().id());
                    g.writeStringField(Wire.TEXT, shown.question().get().text());
                }
            }
        }
    }

    /** The event a line of a native {@code watch} carries; empty for a kind this client does not know. */
    public static Optional<RollCallEvent> read(JsonNode node) {
        String kind = node.path(Wire.EVENT).asText();
        if (!List.of(OPEN, CHECKIN, CLOSE, MARK, MESSAGE, QUESTION).contains(kind)) {
            return Optional.empty(); // a keep-alive, or a kind newer than this client: it carries no class to read
        }
        ClassId classId = new ClassId(node.path(Wire.CLASS).asInt());
        return switch (kind) {
            case OPEN -> Optional.of(new RollCallEvent.Opened(classId, Wire.parseTime(node.path(Wire.OPENED_AT).asText())));
            case CHECKIN -> Optional.of(new RollCallEvent.CheckedIn(classId, new Matricula(node.path(Wire.MATRICULA).asText()),
                    Wire.parseTime(node.path(Wire.AT).asText()), node.path(Wire.COUNT).asInt(),
                    node.hasNonNull(Wire.REPLACED) ? Optional.of(new Matricula(node.path(Wire.REPLACED).asText()))
                            : Optional.empty()));
            case CLOSE -> Optional.of(new RollCallEvent.Closed(classId, Wire.parseTime(node.path(Wire.CLOSED_AT).asText()),
                    node.path(Wire.COUNT).asInt()));
            case MARK -> Optional.of(new RollCallEvent.Marked(classId, node.path(Wire.ROLL_CALL).asLong(),
                    new Matricula(node.path(Wire.MATRICULA).asText()),
                    AttendanceStatus.fromWire(node.path(Wire.STATUS).asText()).orElseThrow(),
                    Wire.parseTime(node.path(Wire.AT).asText())));
            case MESSAGE -> Optional.of(new RollCallEvent.MessagePosted(classId, node.path(Wire.ID).asLong(),
                    node.hasNonNull(Wire.MATRICULA) ? Optional.of(new Matricula(node.path(Wire.MATRICULA).asText()))
                            : Optional.empty(),
                    node.path(Wire.TEXT).asText(), Wire.parseTime(node.path(Wire.AT).asText())));
            case QUESTION -> Optional.of(new RollCallEvent.QuestionShown(classId, node.hasNonNull(Wire.ID)
                    ? Optional.of(new RollCallEvent.Question(node.path(Wire.ID).asLong(), node.path(Wire.TEXT).asText()))
                    : Optional.empty(), Wire.parseTime(node.path(Wire.AT).asText())));
            default -> Optional.empty();
        };
    }
}
