package chamada.store.postgres;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The line each event travels as between nodes, and back. */
class PostgresEventsTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final ClassId CLASS = new ClassId(1010);
    private static final OffsetDateTime AT = Instant.ofEpochMilli(1_764_000_000_123L).atZone(ZONE).toOffsetDateTime();

    @Test
    void everyKindOfEvent_readsBackAsItWasWritten() {
        List<RollCallEvent> events = List.of(new RollCallEvent.Opened(CLASS, AT),
                new RollCallEvent.CheckedIn(CLASS, new Matricula("042191010"), AT, 1, Optional.empty()),
                new RollCallEvent.CheckedIn(CLASS, new Matricula("7"), AT, 1, Optional.of(new Matricula("042191010"))),
                new RollCallEvent.Closed(CLASS, AT, 1));

        for (RollCallEvent event : events) {
            assertThat(PostgresEvents.decode(PostgresEvents.encode(event), ZONE)).isEqualTo(event);
        }
        assertThat(PostgresEvents.encode(events.get(2))).isEqualTo("I,1010,7,1764000000123,1,042191010");
    }

    @Test
    void aQuestionShown_travelsAsItsClassAndTime_only() {
        assertThat(PostgresEvents.encode(new RollCallEvent.QuestionShown(CLASS,
                Optional.of(new RollCallEvent.Question(17, "Pode repetir, com vírgulas, e\nlinhas?")), AT)))
                .isEqualTo("Q,1010,1764000000123");
        assertThat(PostgresEvents.encode(new RollCallEvent.QuestionShown(CLASS, Optional.empty(), AT)))
                .isEqualTo("Q,1010,1764000000123");
    }

    @Test
    void aLineOfAnUnknownKind_isRefused() {
        assertThatThrownBy(() -> PostgresEvents.decode("Z,1010,1", ZONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
