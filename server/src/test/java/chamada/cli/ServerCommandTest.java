package chamada.cli;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import chamada.server.ServerConfig;
import chamada.server.StoreConfig;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
                .start("server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off", "--db", database.toString());

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

    /**
     * Issue 15 regression: a store that holds teachers' accounts (a restored one, the previous build's,
     * a cluster's second node) started without a teachers file crashed after its listening line.
     */
    @Test
    void server_storeWithAccountsAndNoTeachersFile_startsWithTheStoresAccounts() throws IOException {
        Path database = dir.resolve("chamada.db");
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", true);
        TestServer.start(dir, config -> config.withTeachersFile(teachers)).close();

        CliRunner.Running server = new CliRunner()
                .start("server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off", "--db", database.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> server.out().contains("Ctrl-C") || server.isDone());
        server.stop();
        CliRunner.Result stopped = server.result();

        assertThat(stopped.err()).doesNotContain("Unexpected error");
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(stopped.out()).contains("Teachers' accounts from the store (no teachers file).");
    }

    /**
     * Issue 15, tried as a new user: the Debian package's teachers file lists nobody until the first
     * {@code teacher add}, and a server started on it (README's {@code systemctl enable --now}) said
     * only "Teachers from ..." while refusing every teacher. It now says what to do.
     */
    @Test
    void server_teachersFileWithNoTeacher_andNoAccounts_saysToAddTheFirstAndRestart() throws IOException {
        Path teachers = Files.writeString(dir.resolve("teachers.txt"), "# add one with chamada teacher add\n");
        CliRunner.Running server = new CliRunner().start("server", "--bind", "127.0.0.1", "--port", "0",
                "--http-port", "off", "--db", dir.resolve("chamada.db").toString(), "--teachers", teachers.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> server.out().contains("Ctrl-C") || server.isDone());
        server.stop();
        CliRunner.Result stopped = server.result();

        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCodes.OK);
        assertThat(stopped.out()).contains("Teachers from " + teachers + "." + NL + "Warning: " + teachers
                + " lists no teacher yet, so nobody may open a roll call: add the first, an administrator, with chamada"
                + " teacher add NAME --admin --teachers " + teachers + ", then restart the server." + NL);
    }

    @Test
    void server_zone_isTheOneOfEveryTimeTheServerGives() {
        CliRunner.Running server = new CliRunner().start("server", "--bind", "127.0.0.1", "--port", "0", "--http-port",
                "off", "--db", dir.resolve("c.db").toString(), "--zone", "America/Manaus");
        await().atMost(Duration.ofSeconds(30)).until(() -> LISTENING.matcher(server.out()).find());
        Matcher listening = LISTENING.matcher(server.out());
        assertThat(listening.find()).isTrue();
        try (ChamadaClient teacher = ChamadaClient.connect("127.0.0.1", Integer.parseInt(listening.group(1)), Lang.EN,
                TestServer.CLIENT_TIMEOUT)) {
            Response opened = teacher.open(new ClassId(1010));

            assertThat(opened).isInstanceOfSatisfying(Response.Opened.class,
                    open -> assertThat(open.openedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-4)));
        } finally {
            server.stop();
        }
    }

    @Test
    void server_zoneThatIsNone_isAUsageErrorInBothLanguages() {
        CliRunner.Result english = new CliRunner().run("--lang", "en", "server", "--port", "0", "--http-port", "off",
                "--db", dir.resolve("c.db").toString(), "--zone", "Mars/Olympus");
        CliRunner.Result portuguese = new CliRunner().lang(Lang.PT_BR).run("server", "--port", "0", "--http-port", "off",
                "--db", dir.resolve("c.db").toString(), "--zone", "Mars/Olympus");

        assertThat(english.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(english.err()).isEqualTo("--zone Mars/Olympus is not a time zone: write it like America/Sao_Paulo or"
                + " America/Manaus." + NL);
        assertThat(portuguese.err()).isEqualTo("--zone Mars/Olympus não é um fuso horário: escreva como America/Sao_Paulo"
                + " ou America/Manaus." + NL);
    }

    @Test
    void server_optionOutOfRangeInPortuguese_isOneFullyPortugueseLineAndUsageError() {
        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR)
                .run("server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off", "--db", dir.resolve("c.db").toString(),
                        "--idle-timeout", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("A opção --idle-timeout deve ser de 1 a 86400; recebido 0." + NL);
    }

    @ParameterizedTest
    @CsvSource({
            "--port, -1, 0, 65535", "--port, 65536, 0, 65535",
            "--max-line-bytes, 255, 256, 1048576", "--max-line-bytes, 1048577, 256, 1048576",
            "--idle-timeout, 0, 1, 86400", "--idle-timeout, 86401, 1, 86400",
            "--max-connections-per-address, 0, 1, 100000", "--max-connections-per-address, 100001, 1, 100000"})
    void server_optionOutOfRange_namesTheOptionAndItsLimits(String option, String value, String min, String max) {
        List<String> args = new ArrayList<>(List.of("--lang", "en", "server", "--bind", "127.0.0.1", "--http-port", "off",
                "--db", dir.resolve("c.db").toString(), option, value));
        if (!option.equals("--port")) {
            args.addAll(List.of("--port", "0"));
        }
        CliRunner.Result result = new CliRunner().run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("Option " + option + " must be from " + min + " to " + max + "; got "
                + value + "." + NL);
        assertThat(dir.resolve("c.db")).doesNotExist();
    }

    /** The command's limits are ServerConfig's: a value the command lets through is never refused in English after. */
    @Test
    void optionLimits_areAcceptedByServerConfig() {
        ServerConfig config = ServerConfig.forTests(dir.resolve("c.db"));

        assertThatCode(() -> config.withLimits(256, Duration.ofSeconds(1), 1)).doesNotThrowAnyException();
        assertThatCode(() -> config.withLimits(1_048_576, Duration.ofSeconds(86_400), 100_000))
                .doesNotThrowAnyException();
    }

    @Test
    void server_portTaken_isUnreachableWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());

            CliRunner.Result result = new CliRunner()
                    .run("server", "--bind", "127.0.0.1", "--port", port, "--http-port", "off", "--db",
                            dir.resolve("c.db").toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(result.err()).isEqualTo("Could not listen on 127.0.0.1:" + port
                    + " (address already in use, or not on this machine)." + NL);
        }
    }

    @Test
    void server_malformedTeachersFile_isLocalFileProblemNamingTheLine() throws IOException {
        Path teachers = Files.writeString(dir.resolve("teachers.txt"), "ana\n");

        CliRunner.Result result = new CliRunner().run("server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off",
                "--db", dir.resolve("c.db").toString(), "--teachers", teachers.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo(teachers + ", line 1: no colon; each line must be NAME:HASH"
                + " (NAME:HASH:admin for an administrator), as written by \"chamada teacher add\"." + NL);
    }

    @Test
    void server_missingTeachersFile_isLocalFileProblem() {
        Path teachers = dir.resolve("missing.txt");

        CliRunner.Result result = new CliRunner().run("server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off",
                "--db", dir.resolve("c.db").toString(), "--teachers", teachers.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo("Could not read " + teachers + " (no such file or directory)." + NL);
    }

    @Test
    void server_databaseIsADirectory_isLocalFileProblem() throws IOException {
        Path database = Files.createDirectories(dir.resolve("db-dir"));

        CliRunner.Result result = new CliRunner().run("server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off",
                "--db", database.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo(database + " is a folder, not a database file." + NL);
    }

    /** Like {@code --db /etc/passwd}: one Portuguese line; SQLite's or the file system's words only with --verbose. */
    @Test
    void server_databaseNotSqliteInPortuguese_isOneFullyPortugueseLine() throws IOException {
        Path database = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");

        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).run("server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off",
                "--db", database.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo(database + " não é um banco de dados SQLite;"
                + " escolha um banco do Chamada ou um nome de arquivo novo." + NL);
    }

    @Test
    void server_anotherProgramsDatabaseVerbose_addsTheTechnicalDetail() throws Exception {
        Path database = dir.resolve("other.db");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = other.createStatement()) {
            statement.executeUpdate("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }

        CliRunner.Result quiet = new CliRunner().run("server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off",
                "--db", database.toString());
        CliRunner.Result verbose = new CliRunner().run("--verbose", "server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off",
                "--db", database.toString());

        String line = database + " is another program's SQLite database, not Chamada's; it was left untouched." + NL;
        assertThat(quiet.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(quiet.err()).isEqualTo(line);
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(verbose.err()).startsWith(line).contains("1 schema objects").contains("\tat ");
    }

    @Test
    void server_withWebFront_saysWhereStudentsOpenThePages_andServesThem() throws Exception {
        CliRunner.Running server = new CliRunner().start("--lang", "en", "server", "--bind", "127.0.0.1", "--port", "0",
                "--http-bind", "127.0.0.1", "--http-port", "0", "--db", dir.resolve("c.db").toString());
        Pattern web = Pattern.compile("Web pages and JSON API on 127\\.0\\.0\\.1:(\\d+)\\. Students open: "
                + "http://127\\.0\\.0\\.1:(\\d+)/");

        await().atMost(Duration.ofSeconds(30)).until(() -> web.matcher(server.out()).find());
        Matcher found = web.matcher(server.out());
        assertThat(found.find()).isTrue();
        java.net.http.HttpResponse<String> page;
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            page = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + found.group(2) + "/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
        server.stop();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form");
        assertThat(server.result().out()).contains("Open mode: the teacher's pages and API answer only on this machine");
    }

    @Test
    void server_httpPortNeitherANumberNorOff_isAUsageErrorNamingIt() {
        CliRunner.Result result = new CliRunner().run("--lang", "en", "server", "--bind", "127.0.0.1", "--port", "0",
                "--http-port", "eighty", "--db", dir.resolve("c.db").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("--http-port eighty is not a port: use a number from 0 to 65535, or off." + NL);
    }

    @Test
    void server_databaseInUseByAnotherServer_isLocalFileProblemInPortuguese() {
        try (TestServer running = TestServer.start(dir)) {
            Path database = ((StoreConfig.Embedded) running.config().store()).database();

            CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).run("server", "--bind", "127.0.0.1",
                    "--port", "0", "--http-port", "off", "--db", database.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
            assertThat(result.err()).isEqualTo("O banco de dados " + database.toAbsolutePath() + " está em uso por outro"
                    + " servidor Chamada (ele detém a trava de " + database.toAbsolutePath() + ".lock); encerre esse"
                    + " servidor ou use outro arquivo de banco de dados." + NL);
        }
    }
}
