package chamada.server.legacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transcripts of the seed's roll call on the legacy port: the bytes the seed's clients send,
 * and exactly the bytes its server answered. The clock stands at 09/03/2026 19:05.
 */
class LegacyRollCallTest {

    @TempDir
    Path dir;

    private LegacyFixture server;

    @BeforeEach
    void start() {
        server = LegacyFixture.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawClient client() {
        return server.connect(LegacyPort.ROLL_CALL);
    }

    @Test
    void teacherAndStudents_seedSession_getTheSeedsTexts() {
        try (RawClient teacher = client(); RawClient student = client()) {
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            server.clock.advance(Duration.ofMinutes(10));
            student.exchange("42191010/1010,student", "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:15!");
            student.exchange("042191010/1010,student", "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:15!");
            student.exchange("42191010/1010,student", "Você já registrou sua presença nesta turma!");
            server.clock.advance(Duration.ofMinutes(40));
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:55!"
                    + " Os seguintes alunos registraram presença: ['42191010', '042191010']");
        }
    }

    @Test
    void toggle_afterClose_opensAFreshRollCall() {
        try (RawClient teacher = client()) {
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"
                    + " Os seguintes alunos registraram presença: []");
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
        }
    }

    @Test
    void checkIn_classNotOpen_isRefusedWithTheTime() {
        try (RawClient student = client()) {
            student.exchange("42191010/2020,student",
                    "Esta turma não está com presença ativa. Solicitação rejeitada em 09/03/2026 às 19:05");
        }
    }

    @Test
    void checkIn_afterClose_isRefused() {
        try (RawClient teacher = client(); RawClient student = client()) {
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"
                    + " Os seguintes alunos registraram presença: []");
            student.exchange("10/1010,student",
                    "Esta turma não está com presença ativa. Solicitação rejeitada em 09/03/2026 às 19:05");
        }
    }

    @Test
    void twoClasses_onOneConnection_areIndependent() {
        try (RawClient teacher = client(); RawClient student = client()) {
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            teacher.exchange("2020,teacher", "A chamada da turma 2020 foi ativada em 09/03/2026 às 19:05!");
            student.exchange("10/2020,student", "Presença registrada com sucesso na turma 2020 em 09/03/2026 às 19:05!");
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"
                    + " Os seguintes alunos registraram presença: []");
            teacher.exchange("2020,teacher", "A chamada da turma 2020 foi encerrada em 09/03/2026 às 19:05!"
                    + " Os seguintes alunos registraram presença: ['10']");
        }
    }

    @Test
    void messageSplitOverSegments_isOneMessage() {
        try (RawClient teacher = client(); RawClient student = client()) {
            teacher.send("1010,tea").send("cher");
            teacher.expect("A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            student.send("4219").send("1010/10").send("10,student");
            student.expect("Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");
        }
    }

    @Test
    void messagesCoalescedInOneSegment_getOneReplyEach() {
        try (RawClient client = client()) {
            client.send("1010,teacher10/1010,student20/1010,student10/1010,student1010,teacher");

            client.expect("A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!")
                    .expect("Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!")
                    .expect("Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!")
                    .expect("Você já registrou sua presença nesta turma!")
                    .expect("A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"
                            + " Os seguintes alunos registraram presença: ['10', '20']");
        }
    }

    @Test
    void linesTypedInNc_areMessagesToo() {
        try (RawClient client = client()) {
            client.send("1010,teacher\n10/1010,student\r\n");

            client.expect("A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!")
                    .expect("Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");
        }
    }

    @Test
    void badMessages_getAClearTextAndTheConnectionGoesOn() {
        try (RawClient client = client()) {
            client.exchange("hello", "Mensagem sem vírgula: \"hello\". Envie <turma>,teacher (professor)"
                    + " ou <matrícula>/<turma>,student (aluno).");
            client.exchange("1010,professor", "Tipo de cliente desconhecido: \"professor\". Use teacher (professor)"
                    + " ou student (aluno), como em 1010,teacher ou 42191010/1010,student.");
            client.exchange("turma1,teacher",
                    "Campo class inválido: \"turma1\". Esperado: um número inteiro de 1 a 2147483647.");
            client.exchange(",teacher", "Campo class inválido: \"\". Esperado: um número inteiro de 1 a 2147483647.");
            client.exchange("0,teacher", "Campo class inválido: \"0\". Esperado: um número inteiro de 1 a 2147483647.");
            client.exchange("42191010,student", "Mensagem de aluno sem barra: \"42191010\". Envie"
                    + " <matrícula>/<turma>,student, como em 42191010/1010,student.");
            client.exchange("ana/1010,student", "Campo matricula inválido: \"ana\". Esperado: de 1 a 20 dígitos"
                    + " (zeros à esquerda são mantidos).");
            client.exchange("10/matemática,student",
                    "Campo class inválido: \"matemática\". Esperado: um número inteiro de 1 a 2147483647.");
            client.send(new byte[] {'1', (byte) 0xC3, '(', ',', 't', 'e', 'a', 'c', 'h', 'e', 'r'})
                    .expect("A mensagem não é um texto UTF-8 válido; nada foi feito.");

            client.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
        }
    }

    @Test
    void codeFollowedByOtherText_isOneMessageWithAnUnknownCode() {
        try (RawClient client = client()) {
            client.exchange("1010,teacherX", "Tipo de cliente desconhecido: \"teacherX\". Use teacher (professor)"
                    + " ou student (aluno), como em 1010,teacher ou 42191010/1010,student.");
        }
    }

    @Test
    void messageLongerThan1024Bytes_getsATextAndTheConnectionCloses() {
        try (RawClient client = client(); RawClient other = client()) {
            client.send("1".repeat(1100) + ",teacher");

            client.expect("Mensagem com mais de 1024 bytes; a conexão será encerrada.");
            client.expectClosed();
            other.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
        }
    }

    @Test
    void messageOf1024Bytes_isStillAMessage() {
        try (RawClient client = client()) {
            String matricula = "0".repeat(1024 - "/1010,student".length());
            client.exchange(matricula + "/1010,student", "Campo matricula inválido: \"" + "0".repeat(40)
                    + "…\". Esperado: de 1 a 20 dígitos (zeros à esquerda são mantidos).");
        }
    }

    @Test
    void hangUp_midMessage_doesNotDisturbOthers() {
        try (RawClient other = client()) {
            try (RawClient quitter = client()) {
                quitter.send("1010,tea");
            }
            other.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
        }
        assertThat(server.server().legacy()).isPresent();
    }
}
