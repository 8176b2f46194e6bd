package chamada.protocol;

import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.rollcall.Matricula;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CheckInSentencesTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-21T08:01:12.000-03:00");

    @Test
    void checkedIn_readsAsSpecifiedInBothLanguages() {
        Response registered = new Response.CheckedIn(1010, AT, false, Optional.empty());
        Response already = new Response.CheckedIn(1010, AT, true, Optional.empty());

        assertThat(CheckInSentences.of(registered, Lang.PT_BR)).hasValue("Presença registrada na turma 1010 em 21/11/2026 08:01:12.");
        assertThat(CheckInSentences.of(registered, Lang.EN)).hasValue("Attendance registered in class 1010 at 21/11/2026 08:01:12.");
        assertThat(CheckInSentences.of(already, Lang.PT_BR)).hasValue("Você já registrou presença na turma 1010 (em 21/11/2026 08:01:12).");
        assertThat(CheckInSentences.of(new Response.CheckedIn(1010, AT, false, Optional.of(new Matricula("042191011"))),
                Lang.EN)).hasValue("Attendance registered in class 1010 at 21/11/2026 08:01:12, in place of 042191011.");
    }

    @Test
    void refused_isClassZeroWithTheServersReason() {
        assertThat(CheckInSentences.of(new Response.CheckInRefused(AT, ErrorCode.NOT_OPEN,
                "A chamada da turma 1010 não está aberta."), Lang.PT_BR))
                .hasValue("Turma 0: a chamada da turma 1010 não está aberta. Recusado em 21/11/2026 08:01:12.");
        assertThat(CheckInSentences.of(new Response.CheckInRefused(AT, ErrorCode.NOT_OPEN,
                "The roll call of class 1010 is not open."), Lang.EN))
                .hasValue("Class 0: the roll call of class 1010 is not open. Refused at 21/11/2026 08:01:12.");
    }

    @Test
    void otherReplies_haveNoCheckInSentence() {
        assertThat(CheckInSentences.of(new Response.Goodbye("bye"), Lang.EN)).isEmpty();
    }
}
