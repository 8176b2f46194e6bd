package chamada.web;

import chamada.protocol.EventJson;
import chamada.protocol.Masked;
import chamada.protocol.Wire;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The text of Server-Sent Events (the HTML standard's {@code text/event-stream}) for each thing a
 * live view hears: {@code checkin}, {@code code}, {@code state}, {@code open}, {@code close},
 * {@code mark}, {@code message} and {@code question},
 * each with a one-line JSON {@code data} whose field names are the native protocol's.
 *
 * <p>Design note. Events are written into a {@link Batch}, straight to UTF-8 bytes by one JSON
 * generator, because a busy stream writes many at once (see {@link EventStreams}): no string per
 * event, no copy between them.
 */
final class ServerSentEvents {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int RECONNECT_MILLIS = 2_000;
    private static final String LATEST = "latest";

    private ServerSentEvents() {
    }

    /**
     * Events that go to a reader in one write; {@link #take} empties it for the next. A stream
     * keeps one for its life, so its generator and buffer are made once. Used by one thread at a time.
     */
    static final class Batch {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        private final JsonGenerator json;
        private boolean empty = true;

        Batch() {
            try {
                json = JSON.createGenerator(bytes, JsonEncoding.UTF8);
            } catch (IOException e) {
                throw new UncheckedIOException("a JSON generator over memory cannot fail to start", e);
            }
            // Each event's JSON stands alone after its "data: ": nothing between two of them.
            json.setRootValueSeparator(null);
        }

        /** The event for {@code event} as {@code view} shows it; nothing if that view does not show it. */
        Batch event(RollCallEvent event, LiveView view) {
            if (!view.shows(event)) {
                return this;
            }
            return frame(EventJson.name(event), g -> EventJson.writeFields(g, event, view.masks()));
        }

        /**
         * The projector's first event: the count present and the latest arrivals, masked, newest
         * first. A later {@code checkin} whose count is not above this one's is already in it.
         */
        Batch state(RollCall rollCall) {
            List<CheckIn> present = rollCall.present();
            return frame("state", g -> {
                g.writeNumberField(Wire.COUNT, present.size());
                g.writeArrayFieldStart(LATEST);
                for (int i = present.size() - 1; i >= Math.max(0, present.size() - ProjectorPage.LATEST); i--) {
                    g.writeString(Masked.matricula(present.get(i).matricula()));
                }
                g.writeEndArray();
            });
        }

        /** The event that says the code to show now. */
        Batch code(CurrentCode code) {
            return frame("code", g -> {
                g.writeStringField(Wire.CHECK_IN_CODE, code.code());
                if (code.expiresAt().isPresent()) {
                    g.writeStringField(Wire.CODE_EXPIRES_AT, Wire.time(code.expiresAt().get()));
                }
            });
        }

        /** How long a browser waits before it reconnects a dropped stream. */
        Batch retry() {
            return raw("retry: " + RECONNECT_MILLIS + "\n\n");
        }

        /** A comment line: keeps idle proxies from closing the stream, and tells a vanished reader's socket apart. */
        Batch keepAlive() {
            return raw(":\n\n");
        }

        boolean isEmpty() {
            return empty;
        }

        /** The events written since the last take, as UTF-8 bytes; the batch is empty again. */
        ByteBuffer take() {
            flush();
            ByteBuffer taken = ByteBuffer.wrap(bytes.toByteArray());
            bytes.reset();
            empty = true;
            return taken;
        }


        private Batch frame(String name, Fields fields) {
            try {
                json.writeRaw("event: " + name + "\ndata: ");
                json.writeStartObject();
                fields.write(json);
                json.writeEndObject();
                json.writeRaw("\n\n");
            } catch (IOException e) {
                throw new UncheckedIOException("writing JSON to memory cannot fail", e);
            }
            empty = false;
            return this;
        }

        private Batch raw(String text) {
            try {
                json.writeRaw(text);
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
            empty = false;
            return this;
        }

        private void flush() {
            try {
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
        }
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }
}
