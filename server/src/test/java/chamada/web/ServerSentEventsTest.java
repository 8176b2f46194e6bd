package chamada.web;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSentEventsTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-30T08:01:12.250-03:00");
    private static final RollCallEvent CHECKED_IN = new RollCallEvent.CheckedIn(new ClassId(1010),
            new Matricula("042191010"), AT, 3, Optional.of(new Matricula("042191011")));

    @Test
    void checkIn_forTheProjector_showsOnlyTheLastThreeDigitsAndNoReplacement() {
        assertThat(ServerSentEvents.of(CHECKED_IN, true)).isEqualTo("event: checkin\n"
                + "data: {\"class\":1010,\"matricula\":\"••••••010\",\"at\":\"2026-11-30T08:01:12.250-03:00\",\"count\":3}\n\n");
    }

    @Test
    void checkIn_forTheTeacher_showsTheWholeMatriculaAndWhatItReplaced() {
        assertThat(ServerSentEvents.of(CHECKED_IN, false)).isEqualTo("event: checkin\n"
                + "data: {\"class\":1010,\"matricula\":\"042191010\",\"at\":\"2026-11-30T08:01:12.250-03:00\","
                + "\"count\":3,\"replaced\":\"042191011\"}\n\n");
    }

    @Test
    void code_andClose_areOneLineEach() {
        assertThat(ServerSentEvents.code(new CurrentCode("492817", Optional.of(AT))))
                .isEqualTo("event: code\ndata: {\"code\":\"492817\",\"code_expires_at\":\"2026-11-30T08:01:12.250-03:00\"}\n\n");
        assertThat(ServerSentEvents.of(new RollCallEvent.Closed(new ClassId(1010), AT, 3), true))
                .isEqualTo("event: close\ndata: {\"class\":1010,\"closed_at\":\"2026-11-30T08:01:12.250-03:00\",\"count\":3}\n\n");
    }

    @Test
    void state_forTheProjector_isTheCountAndTheLatestArrivalsMaskedNewestFirst() {
        RollCall rollCall = new RollCall(new ClassId(1010), new TeacherName("ana"), AT, Optional.empty(),
                List.of(new CheckIn(new Matricula("042191010"), AT), new CheckIn(new Matricula("205182055"), AT)));

        assertThat(ServerSentEvents.state(rollCall))
                .isEqualTo("event: state\ndata: {\"count\":2,\"latest\":[\"••••••055\",\"••••••010\"]}\n\n");
    }

    @Test
    void masked_shortMatricula_isShownWhole() {
        assertThat(Masked.matricula(new Matricula("42"))).isEqualTo("42");
        assertThat(Masked.matricula(new Matricula("1234"))).isEqualTo("•234");
    }
}
