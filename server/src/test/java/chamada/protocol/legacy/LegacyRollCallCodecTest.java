package chamada.protocol.legacy;

import chamada.rollcall.CodePolicy;
import chamada.error.ErrorCode;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCall;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's roll-call messages in, its exact texts out, and where messages end in a stream. */
class LegacyRollCallCodecTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-09T19:05:42.123-03:00");
    private static final ClassId CLASS = new ClassId(1010);

    @Test
    void decode_teacherMessage_isAToggle() {
        assertThat(LegacyRollCallCodec.decode("1010,teacher")).isEqualTo(new LegacyRollCallMessage.Toggle(CLASS));
    }

    @Test
    void decode_studentMessage_isACheckInKeepingLeadingZeros() {
        assertThat(LegacyRollCallCodec.decode("042191010/1010,student"))
                .isEqualTo(new LegacyRollCallMessage.CheckIn(new Matricula("042191010"), CLASS));
    }

    @Test
    void decode_whiteSpaceAroundParts_isIgnored() {
        assertThat(LegacyRollCallCodec.decode(" 1010 , teacher\r\n")).isEqualTo(new LegacyRollCallMessage.Toggle(CLASS));
        assertThat(LegacyRollCallCodec.decode("10 / 1010,student\n"))
                .isEqualTo(new LegacyRollCallMessage.CheckIn(new Matricula("10"), CLASS));
    }

    @Test
    void decode_badMessages_becomePortugueseReplies() {
        assertThat(invalid("hello")).isEqualTo("Mensagem sem vírgula: \"hello\". Envie <turma>,teacher (professor)"
                + " ou <matrícula>/<turma>,student (aluno).");
        assertThat(invalid("1010,professor")).isEqualTo("Tipo de cliente desconhecido: \"professor\". Use teacher"
                + " (professor) ou student (aluno), como em 1010,teacher ou 42191010/1010,student.");
        assertThat(invalid("abc,teacher"))
                .isEqualTo("Campo class inválido: \"abc\". Esperado: um número inteiro de 1 a 2147483647.");
        assertThat(invalid("42191010,student")).isEqualTo("Mensagem de aluno sem barra: \"42191010\". Envie"
                + " <matrícula>/<turma>,student, como em 42191010/1010,student.");
        assertThat(invalid("4219x/1010,student"))
                .isEqualTo("Campo matricula inválido: \"4219x\". Esperado: de 1 a 20 dígitos (zeros à esquerda são mantidos).");
        assertThat(invalid("10/1010/2,student")).startsWith("Campo class inválido: \"1010/2\"");
        assertThat(invalid("1,2,teacher")).startsWith("Campo class inválido: \"1,2\"");
    }

    @Test
    void decode_controlCharacters_areMaskedInTheReply() {
        assertThat(invalid("a\u0007b,teacher")).startsWith("Campo class inválido: \"a?b\"");
    }

    private static String invalid(String message) {
        return ((LegacyRollCallMessage.Invalid) LegacyRollCallCodec.decode(message)).reply();
    }

    @Test
    void reply_opened_isTheSeedsText() {
        assertThat(LegacyRollCallCodec.reply(new Response.Opened(1010, AT, CodePolicy.NONE, false, Optional.empty())))
                .isEqualTo("A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
    }

    @Test
    void reply_closed_listsMatriculasAsAPythonList() {
        RollCall rollCall = new RollCall(CLASS, new TeacherName("(legacy)"), AT, Optional.of(AT.plusMinutes(50)),
                List.of(new CheckIn(new Matricula("10"), AT), new CheckIn(new Matricula("042"), AT)));

        assertThat(LegacyRollCallCodec.reply(new Response.RollCallReply(rollCall, CodePolicy.NONE, Optional.empty())))
                .isEqualTo("A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:55! Os seguintes alunos"
                        + " registraram presença: ['10', '042']");
    }

    @Test
    void reply_closedEmpty_listsEmptyBrackets() {
        RollCall rollCall = new RollCall(CLASS, new TeacherName("(legacy)"), AT, Optional.of(AT), List.of());

        assertThat(LegacyRollCallCodec.reply(new Response.RollCallReply(rollCall, CodePolicy.NONE, Optional.empty())))
                .endsWith("registraram presença: []");
    }

    @Test
    void reply_checkIns_areTheSeedsTexts() {
        assertThat(LegacyRollCallCodec.reply(new Response.CheckedIn(1010, AT, false, Optional.empty())))
                .isEqualTo("Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");
        assertThat(LegacyRollCallCodec.reply(new Response.CheckedIn(1010, AT, true, Optional.empty())))
                .isEqualTo("Você já registrou sua presença nesta turma!");
        assertThat(LegacyRollCallCodec.reply(new Response.CheckInRefused(AT, ErrorCode.NOT_OPEN, "whatever")))
                .isEqualTo("Esta turma não está com presença ativa. Solicitação rejeitada em 09/03/2026 às 19:05");
    }

    @Test
    void reply_checkInRefusedForACode_saysWhyInTheSeedsShape() {
        assertThat(LegacyRollCallCodec.reply(new Response.CheckInRefused(AT, ErrorCode.CODE_REQUIRED, "whatever")))
                .startsWith("A chamada desta turma pede o código de presença mostrado na sala")
                .endsWith("Solicitação rejeitada em 09/03/2026 às 19:05");
        assertThat(LegacyRollCallCodec.reply(new Response.CheckInRefused(AT, ErrorCode.NETWORK_NOT_ALLOWED,
                "A presença só é aceita pela rede da escola; conecte-se a ela e tente novamente.")))
                .isEqualTo("A presença só é aceita pela rede da escola; conecte-se a ela e tente novamente."
                        + " Solicitação rejeitada em 09/03/2026 às 19:05");
    }

    @Test
    void reply_failure_isItsMessage() {
        assertThat(LegacyRollCallCodec.reply(new Response.Failure(ErrorCode.NOT_OWNER, "A chamada da turma 1010 foi aberta por ana.")))
                .isEqualTo("A chamada da turma 1010 foi aberta por ana.");
    }

    @Test
    void reply_openRollCallOrNativeOnlyReply_isRefused() {
        RollCall open = new RollCall(CLASS, new TeacherName("(legacy)"), AT, Optional.empty(), List.of());
        assertThatThrownBy(() -> LegacyRollCallCodec.reply(new Response.RollCallReply(open, CodePolicy.NONE, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegacyRollCallCodec.reply(new Response.Help(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageEnd_wholeMessage_endsAtTheEnd() {
        assertThat(end("1010,teacher")).isEqualTo(12);
        assertThat(end("1010,teacher\r\n")).isEqualTo(14);
    }

    @Test
    void messageEnd_partOfAMessage_isUnknown() {
        assertThat(end("1010,teac")).isEqualTo(-1);
        assertThat(end("42191010/10")).isEqualTo(-1);
        assertThat(end("hello")).isEqualTo(-1);
    }

    @Test
    void messageEnd_coalescedMessages_endsAfterTheFirstCode() {
        assertThat(end("1010,teacher10/1010,student")).isEqualTo(12);
        assertThat(end("10/1010,student\n20/1010,student")).isEqualTo(16);
    }

    @Test
    void messageEnd_codeFollowedByOtherText_isNotAnEnd() {
        assertThat(end("1010,teacherX")).isEqualTo(-1);
        assertThat(end("1010,teachers,student")).isEqualTo(21);
    }

    private static int end(String bytes) {
        byte[] raw = bytes.getBytes(StandardCharsets.UTF_8);
        return LegacyRollCallCodec.messageEnd(raw, raw.length);
    }
}
