package chamada.protocol;

import chamada.rollcall.ClassId;
import chamada.rollcall.RollCallEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A watcher's client reads back the events the server writes, and skips the kinds it does not
 * read: the keep-alive, which names no class, and newer ones.
 */
class EventJsonTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T08:05:00.000-03:00");

    @Test
    void keepAlive_andUnknownKinds_areSkipped() throws Exception {
        assertThat(EventJson.read(JSON.readTree("{\"event\":\"keepalive\"}"))).isEmpty();
        assertThat(EventJson.read(JSON.readTree("{\"event\":\"poll\",\"class\":1010}"))).isEmpty();
        assertThat(EventJson.read(JSON.readTree(
                "{\"event\":\"open\",\"class\":1010,\"opened_at\":\"2026-12-01T08:00:00.000-03:00\"}"))).isPresent();
    }

    static List<RollCallEvent> questions() {
        return List.of(new RollCallEvent.QuestionShown(new ClassId(1010),
                        Optional.of(new RollCallEvent.Question(17, "A prova é <b>sexta</b>?\nE vale nota?")), AT),
                new RollCallEvent.QuestionShown(new ClassId(1010), Optional.empty(), AT));
    }

    @ParameterizedTest
    @MethodSource("questions")
    void aQuestionShown_readsBackAsWritten_withoutASender(RollCallEvent event) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField(Wire.EVENT, EventJson.name(event));
            EventJson.writeFields(g, event, false);
            g.writeEndObject();
        }

        assertThat(text.toString()).doesNotContain(Wire.MATRICULA);
        assertThat(EventJson.read(JSON.readTree(text.toString()))).contains(event);
    }
}
