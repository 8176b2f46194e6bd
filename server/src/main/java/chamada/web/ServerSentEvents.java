package chamada.web;

import chamada.protocol.Wire;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The text of one Server-Sent Event (the HTML standard's {@code text/event-stream}) for each
 * thing a live view hears: {@code checkin}, {@code code}, {@code open} and {@code close}, each
 * with a one-line JSON {@code data} whose field names are the native protocol's.
 */
final class ServerSentEvents {

    private static final JsonFactory JSON = new JsonFactory();
    static final int RECONNECT_MILLIS = 2_000;
    private static final String LATEST = "latest";

    private ServerSentEvents() {
    }

    /** The event for {@code event}; {@code mask} says whether matrículas are shown only by their last 3 digits. */
    static String of(RollCallEvent event, boolean mask) {
        return switch (event) {
            case RollCallEvent.Opened opened -> frame("open", json(g -> {
                g.writeNumberField(Wire.CLASS, opened.classId().value());
                g.writeStringField(Wire.OPENED_AT, Wire.time(opened.at()));
            }));
            case RollCallEvent.CheckedIn checkedIn -> frame("checkin", json(g -> {
                g.writeNumberField(Wire.CLASS, checkedIn.classId().value());
                g.writeStringField(Wire.MATRICULA, mask ? Masked.matricula(checkedIn.matricula())
                        : checkedIn.matricula().value());
                g.writeStringField(Wire.AT, Wire.time(checkedIn.at()));
                g.writeNumberField(Wire.COUNT, checkedIn.count());
                if (checkedIn.replaced().isPresent() && !mask) {
                    g.writeStringField(Wire.REPLACED, checkedIn.replaced().get().value());
                }
            }));
            case RollCallEvent.Closed closed -> frame("close", json(g -> {
                g.writeNumberField(Wire.CLASS, closed.classId().value());
                g.writeStringField(Wire.CLOSED_AT, Wire.time(closed.at()));
                g.writeNumberField(Wire.COUNT, closed.count());
            }));
        };
    }

    /**
     * The projector's first event: the count present and the latest arrivals, masked, newest
     * first. A later {@code checkin} whose count is not above this one's is already in it.
     */
    static String state(RollCall rollCall) {
        List<CheckIn> present = rollCall.present();
        return frame("state", json(g -> {
            g.writeNumberField(Wire.COUNT, present.size());
            g.writeArrayFieldStart(LATEST);
            for (int i = present.size() - 1; i >= Math.max(0, present.size() - ProjectorPage.LATEST); i--) {
                g.writeString(Masked.matricula(present.get(i).matricula()));
            }
            g.writeEndArray();
        }));
    }

    /** The event that says the code to show now. */
    static String code(CurrentCode code) {
        return frame("code", json(g -> {
            g.writeStringField(Wire.CHECK_IN_CODE, code.code());
            if (code.expiresAt().isPresent()) {
                g.writeStringField(Wire.CODE_EXPIRES_AT, Wire.time(code.expiresAt().get()));
            }
        }));
    }

    /** How long a browser waits before it reconnects a dropped stream. */
    static String retry() {
        return "retry: " + RECONNECT_MILLIS + "\n\n";
    }

    /** A comment line: keeps idle proxies from closing the stream, and tells a vanished reader's socket apart. */
    static String keepAlive() {
        return ":\n\n";
    }

    private static String frame(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Fields fields) {
        StringWriter out = new StringWriter(96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }
}
