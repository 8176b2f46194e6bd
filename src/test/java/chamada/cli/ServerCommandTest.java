package chamada.cli;

import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ServerCommandTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void server_startsSaysWhereAndStopsGracefullyOnCtrlC() {
        Path database = dir.resolve("data/sub/chamada.db");
        CliRunner.Running server = new CliRunner()
                .start("server", "--bind", "127.0.0.1", "--port", "0", "--db", database.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> LISTENING.matcher(server.out()).find());
        Matcher listening = LISTENING.matcher(server.out());
        assertThat(listening.find()).isTrue();
        CliRunner.Result opened = new CliRunner().run("teacher", "open", "1010", "--port", listening.group(1));
        server.stop();
        CliRunner.Result stopped = server.result();

        assertThat(opened.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(stopped.out())
                .contains("Chamada dev listening on 127.0.0.1:" + listening.group(1) + ", store: ")
                .contains("chamada.db")
                .contains("Open mode (no --teachers file)")
                .endsWith("Server stopped." + NL);
        assertThat(database.getParent()).isDirectory();
    }

    @Test
    void server_configRefused_isOneLineAndUsageError() {
        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR)
                .run("server", "--bind", "127.0.0.1", "--port", "0", "--db", dir.resolve("c.db").toString(),
                        "--max-line-bytes", "10");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo(
                "Configuração inválida: --max-line-bytes must be from 256 to 1048576, got 10" + NL);
    }

    @Test
    void server_portTaken_isUnreachableWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());

            CliRunner.Result result = new CliRunner()
                    .run("server", "--bind", "127.0.0.1", "--port", port, "--db", dir.resolve("c.db").toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(result.err()).isEqualTo("Could not listen on 127.0.0.1:" + port
                    + " (address already in use, or not on this machine)." + NL);
        }
    }

    @Test
    void server_malformedTeachersFile_isLocalFileProblemNamingTheLine() throws IOException {
        Path teachers = Files.writeString(dir.resolve("teachers.txt"), "ana\n");

        CliRunner.Result result = new CliRunner().run("server", "--bind", "127.0.0.1", "--port", "0",
                "--db", dir.resolve("c.db").toString(), "--teachers", teachers.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo(teachers + ", line 1: no colon; each line must be NAME:HASH,"
                + " as written by \"chamada teacher add\"." + NL);
    }

    @Test
    void server_missingTeachersFile_isLocalFileProblem() {
        Path teachers = dir.resolve("missing.txt");

        CliRunner.Result result = new CliRunner().run("server", "--bind", "127.0.0.1", "--port", "0",
                "--db", dir.resolve("c.db").toString(), "--teachers", teachers.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo("Could not read " + teachers + " (no such file or directory)." + NL);
    }

    @Test
    void server_databaseIsADirectory_isLocalFileProblem() throws IOException {
        Path database = Files.createDirectories(dir.resolve("db-dir"));

        CliRunner.Result result = new CliRunner().run("server", "--bind", "127.0.0.1", "--port", "0",
                "--db", database.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).startsWith("Could not use the database " + database + ": ");
        assertThat(result.err().lines()).hasSize(1);
    }
}
