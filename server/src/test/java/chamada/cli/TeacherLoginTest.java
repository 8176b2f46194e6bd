package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Teacher commands against a server with a teachers file. */
class TeacherLoginTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private TestServer server;
    private String port;

    @BeforeEach
    void start() throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        server = TestServer.start(dir, config -> config.withTeachersFile(teachers));
        port = Integer.toString(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void open_withoutName_saysWhichOptionsTheServerNeeds() {
        CliRunner.Result result = new CliRunner().run("--lang", "pt-BR", "teacher", "open", "1010", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).isEqualTo("Este servidor exige login de professor: informe --name NOME"
                + " (e --secret, ou defina CHAMADA_SECRET)." + NL);
    }

    @Test
    void open_nameAndSecretFromEnvironment_logsIn() {
        CliRunner.Result result = new CliRunner().env("CHAMADA_TEACHER", "ana").env("CHAMADA_SECRET", "s3cret")
                .run("teacher", "open", "1010", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("Roll call of class 1010 opened at ");
    }

    @Test
    void open_secretTypedAtThePrompt_logsIn() {
        CliRunner runner = new CliRunner().secrets("s3cret");

        CliRunner.Result result = runner.run("teacher", "open", "1010", "--name", "ana", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.prompts()).containsExactly("Secret for ana: ");
    }

    @Test
    void open_wrongSecret_isRefusedWithTheServersMessage() {
        CliRunner.Result result = new CliRunner()
                .run("--lang", "pt-BR", "teacher", "open", "1010", "--name", "ana", "--secret", "wrong", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).isEqualTo("Professor desconhecido ou senha incorreta." + NL);
    }

    @Test
    void interactive_withoutName_stopsBeforeThePrompt() {
        CliRunner.Result result = new CliRunner().input("1010").run("teacher", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("This server requires a teacher login: give --name NAME");
    }

    @Test
    void interactive_loggedIn_opensAndClosesAsThatTeacher() {
        CliRunner.Result result = new CliRunner().input("1010", "status 1010", "1010")
                .run("teacher", "--name", "ana", "--secret", "s3cret", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Teacher: ana")
                .contains("Roll call of class 1010 opened at ")
                .contains(", by ana. Present so far (0):")
                .contains("Present (0):")
                .doesNotContain("still open");
        assertThat(result.err()).isEmpty();
    }
}
