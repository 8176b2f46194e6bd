package chamada.web;

import chamada.protocol.Masked;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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
        assertThat(text(new ServerSentEvents.Batch().event(CHECKED_IN, LiveView.PROJECTOR))).isEqualTo("event: checkin\n"
                + "data: {\"class\":1010,\"matricula\":\"••••••010\",\"at\":\"2026-11-30T08:01:12.250-03:00\",\"count\":3}\n\n");
    }

    @Test
    void checkIn_forTheTeacher_showsTheWholeMatriculaAndWhatItReplaced() {
        assertThat(text(new ServerSentEvents.Batch().event(CHECKED_IN, LiveView.TEACHER))).isEqualTo("event: checkin\n"
                + "data: {\"class\":1010,\"matricula\":\"042191010\",\"at\":\"2026-11-30T08:01:12.250-03:00\","
                + "\"count\":3,\"replaced\":\"042191011\"}\n\n");
    }

    @Test
    void code_andClose_areOneLineEach() {
        assertThat(text(new ServerSentEvents.Batch().code(new CurrentCode("492817", Optional.of(AT)))))
                .isEqualTo("event: code\ndata: {\"code\":\"492817\",\"code_expires_at\":\"2026-11-30T08:01:12.250-03:00\"}\n\n");
        assertThat(text(new ServerSentEvents.Batch().event(new RollCallEvent.Closed(new ClassId(1010), AT, 3), LiveView.PROJECTOR)))
                .isEqualTo("event: close\ndata: {\"class\":1010,\"closed_at\":\"2026-11-30T08:01:12.250-03:00\",\"count\":3}\n\n");
    }

    @Test
    void state_forTheProjector_isTheCountAndTheLatestArrivalsMaskedNewestFirst() {
        RollCall rollCall = new RollCall(new ClassId(1010), new TeacherName("ana"), AT, Optional.empty(),
                List.of(new CheckIn(new Matricula("042191010"), AT), new CheckIn(new Matricula("205182055"), AT)));

        assertThat(text(new ServerSentEvents.Batch().state(rollCall)))
                .isEqualTo("event: state\ndata: {\"count\":2,\"latest\":[\"••••••055\",\"••••••010\"]}\n\n");
    }

    @Test
    void batch_ofSeveralEvents_isTheirFramesInOrder() {
        RollCallEvent closed = new RollCallEvent.Closed(new ClassId(1010), AT, 3);

        assertThat(text(new ServerSentEvents.Batch().retry().event(CHECKED_IN, LiveView.PROJECTOR).event(closed, LiveView.PROJECTOR).keepAlive()))
                .isEqualTo("retry: 2000\n\n"
                        + text(new ServerSentEvents.Batch().event(CHECKED_IN, LiveView.PROJECTOR))
                        + text(new ServerSentEvents.Batch().event(closed, LiveView.PROJECTOR))
                        + ":\n\n");
    }

    /** A message reaches the inbox only; the question shown reaches the inbox and the screen, its text without its sender. */
    @Test
    void messagesAndQuestions_goOnlyToTheViewsThatShowThem() {
        RollCallEvent message = new RollCallEvent.MessagePosted(new ClassId(1010), 7, Optional.of(new Matricula("42")),
                "A prova é sexta?", AT);
        RollCallEvent question = new RollCallEvent.QuestionShown(new ClassId(1010),
                Optional.of(new RollCallEvent.Question(7, "A prova é sexta?")), AT);
        RollCallEvent mark = new RollCallEvent.Marked(new ClassId(1010), 3, new Matricula("42"),
                chamada.rollcall.AttendanceStatus.EXCUSED, AT);

        assertThat(List.of(LiveView.values())).filteredOn(view -> view.shows(message)).containsExactly(LiveView.INBOX);
        assertThat(List.of(LiveView.values())).filteredOn(view -> view.shows(question))
                .containsExactly(LiveView.INBOX, LiveView.QUESTION_SCREEN);
        assertThat(List.of(LiveView.values())).filteredOn(view -> view.shows(mark)).containsExactly(LiveView.TEACHER);
        assertThat(List.of(LiveView.values())).filteredOn(view -> view.shows(CHECKED_IN))
                .containsExactly(LiveView.TEACHER, LiveView.PROJECTOR);
        assertThat(text(new ServerSentEvents.Batch().event(question, LiveView.QUESTION_SCREEN))).isEqualTo(
                "event: question\ndata: {\"class\":1010,\"at\":\"2026-11-30T08:01:12.250-03:00\",\"id\":7,"
                        + "\"text\":\"A prova é sexta?\"}\n\n");
        assertThat(new ServerSentEvents.Batch().event(message, LiveView.QUESTION_SCREEN).isEmpty()).isTrue();
    }

    private static String text(ServerSentEvents.Batch batch) {
        return StandardCharsets.UTF_8.decode(batch.take()).toString();
    }

    @Test
    void take_emptiesTheBatch_soItsNextWriteHoldsOnlyWhatCameAfter() {
        ServerSentEvents.Batch batch = new ServerSentEvents.Batch().event(CHECKED_IN, LiveView.PROJECTOR);

        assertThat(StandardCharsets.UTF_8.decode(batch.take()).toString()).startsWith("event: checkin\n");
        assertThat(batch.isEmpty()).isTrue();
        assertThat(StandardCharsets.UTF_8.decode(batch.keepAlive().take()).toString()).isEqualTo(":\n\n");
    }

    @Test
    void masked_shortMatricula_isShownWhole() {
        assertThat(Masked.matricula(new Matricula("42"))).isEqualTo("42");
        assertThat(Masked.matricula(new Matricula("1234"))).isEqualTo("•234");
    }
}
