package chamada.server.legacy;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's own {@code teacher.py} and {@code student.py}, unchanged, run with Python 3
 * against the legacy roll-call port, next to native clients on the same classes. Skipped,
 * with a line saying so, where there is no {@code python3}.
 *
 * <p>The seed's clients loop on {@code input()} forever: when a test ends their input they
 * stop with {@code EOFError}, as they would on Ctrl-D. That is their way to end; the tests
 * assert on what they printed before.
 */
class SeedClientsTest {

    @TempDir
    Path dir;

    private LegacyFixture server;

    @BeforeEach
    void start() {
        SeedClient.assumePython();
        server = LegacyFixture.start(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void seedTeacherAndStudent_workAsAgainstThePythonServer() {
        int port = server.port(LegacyPort.ROLL_CALL);
        try (SeedClient teacher = SeedClient.start("teacher.py", port);
             SeedClient student = SeedClient.start("student.py", port)) {
            teacher.awaitOutput("Digite o número da turma para iniciar/encerrar sua chamada:\n");
            teacher.type("1010").awaitOutput("A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!\n");

            server.clock.advance(Duration.ofMinutes(5));
            student.awaitOutput("Olá Aluno,");
            student.type("42191010").type("1010")
                    .awaitOutput("Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:10!\n");
            student.type("42191010").type("1010").awaitOutput("Você já registrou sua presença nesta turma!\n");
            student.type("7").type("2020")
                    .awaitOutput("Esta turma não está com presença ativa. Solicitação rejeitada em 09/03/2026 às 19:10\n");

            server.clock.advance(Duration.ofMinutes(45));
            teacher.type("1010").awaitOutput("A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:55!"
                    + " Os seguintes alunos registraram presença: ['42191010']\n");

            assertThat(teacher.finish()).contains("EOFError");
            assertThat(student.finish()).contains("Informe seu número de matrícula: "
                    + "Informe o número da matéria em que deseja registrar presença: "
                    + "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:10!\n");
        }
    }

    @Test
    void seedClients_andNativeClients_shareTheClasses() {
        int port = server.port(LegacyPort.ROLL_CALL);
        ClassId nativeClass = new ClassId(2020);
        try (ChamadaClient nativeTeacher = server.nativeClient(); ChamadaClient nativeStudent = server.nativeClient();
             SeedClient teacher = SeedClient.start("teacher.py", port);
             SeedClient student = SeedClient.start("student.py", port)) {
            as(nativeTeacher.login("ana", "qualquer"), Response.LoggedIn.class);
            as(nativeTeacher.open(nativeClass), Response.Opened.class);
            teacher.type("1010").awaitOutput("A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!\n");

            student.type("42191010").type("2020")
                    .awaitOutput("Presença registrada com sucesso na turma 2020 em 09/03/2026 às 19:05!\n");
            as(nativeStudent.checkIn(new Matricula("10"), new ClassId(1010)), Response.CheckedIn.class);
            teacher.type("2020").awaitOutput(
                    "A chamada da turma 2020 foi aberta por ana; somente esse professor pode encerrá-la.\n");

            Response.RollCallReply closed = as(nativeTeacher.close(nativeClass), Response.RollCallReply.class);
            assertThat(closed.rollCall().present()).extracting(CheckIn::matricula).containsExactly(new Matricula("42191010"));
            teacher.type("1010").awaitOutput("A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"
                    + " Os seguintes alunos registraram presença: ['10']\n");
        }
    }

    @Test
    void seedTeacher_typingSomethingOdd_isToldAndCarriesOn() {
        int port = server.port(LegacyPort.ROLL_CALL);
        try (SeedClient teacher = SeedClient.start("teacher.py", port)) {
            teacher.type("turma 1").awaitOutput(
                    "Campo class inválido: \"turma 1\". Esperado: um número inteiro de 1 a 2147483647.\n");
            teacher.type("").awaitOutput("Campo class inválido: \"\".");

            teacher.type("1010").awaitOutput("A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!\n");
        }
    }
}
