package chamada.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionRefusedTest {

    private final int port = FreePort.closed();

    @Test
    void checkin_noServer_exitsUnreachableWithOneLineInPortuguese() {
        CliRunner.Result result = new CliRunner()
                .run("--lang", "pt-BR", "student", "checkin", "042191010", "1010", "--port", Integer.toString(port));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).isEqualTo("Não foi possível conectar ao servidor Chamada em 127.0.0.1:" + port
                + " (conexão recusada). O servidor está rodando?" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void teacherOpen_noServer_exitsUnreachableWithOneLineInEnglish() {
        CliRunner.Result result = new CliRunner()
                .run("--lang", "en", "teacher", "open", "1010", "--port", Integer.toString(port));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).isEqualTo("Could not connect to the Chamada server at 127.0.0.1:" + port
                + " (connection refused). Is the server running?" + System.lineSeparator());
    }

    @Test
    void interactiveModes_noServer_exitBeforeTheFirstPrompt() {
        CliRunner.Result teacher = new CliRunner().input("1010").run("teacher", "--port", Integer.toString(port));
        CliRunner.Result student = new CliRunner().input("042191010", "1010")
                .run("student", "--port", Integer.toString(port));

        assertThat(teacher.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(teacher.out()).isEmpty();
        assertThat(student.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(student.out()).isEmpty();
    }

    @Test
    void checkin_noServerVerbose_addsTheStackTrace() {
        CliRunner.Result result = new CliRunner()
                .run("--verbose", "student", "checkin", "042191010", "1010", "--port", Integer.toString(port));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).contains("(connection refused)").contains("java.net.ConnectException").contains("\tat ");
    }
}
