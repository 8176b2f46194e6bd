package chamada.cli;

import chamada.i18n.Lang;
import chamada.store.postgres.PostgresAddress;
import chamada.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code chamada server --db postgresql://...}: the same commands as on the embedded store,
 * and a PostgreSQL address that is wrong, or that carries a password, refused in one line.
 */
class ServerOnPostgresTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void server_onPostgres_takesTheSameCommands_andNamesItsStoreWithoutThePassword() throws Exception {
        PostgresAddress database = TestPostgres.freshDatabase();
        Path passwordFile = Files.writeString(dir.resolve("db-password"), "not-needed-on-loopback\n");
        CliRunner.Running server = new CliRunner().start("server", "--bind", "127.0.0.1", "--port", "0",
                "--http-port", "off", "--db", database.toString(), "--db-password-file", passwordFile.toString(),
                "--materials", dir.resolve("materials").toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> LISTENING.matcher(server.out()).find());
        Matcher listening = LISTENING.matcher(server.out());
        assertThat(listening.find()).isTrue();
        String port = listening.group(1);
        CliRunner.Result opened = new CliRunner().run("teacher", "open", "1010", "--port", port);
        CliRunner.Result checkedIn = new CliRunner().run("student", "checkin", "042191010", "1010", "--port", port);
        CliRunner.Result closed = new CliRunner().run("teacher", "close", "1010", "--port", port);
        server.stop();

        assertThat(opened.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(checkedIn.exitCode()).as(checkedIn.err()).isEqualTo(ExitCodes.OK);
        assertThat(closed.out()).contains("042191010");
        assertThat(server.result().out()).contains("store: PostgreSQL " + database + ".")
                .doesNotContain("not-needed-on-loopback");
    }

    @Test
    void server_postgresAddressWithAPassword_isRefusedWithoutShowingIt() {
        CliRunner.Result result = new CliRunner().run("--lang", "en", "server", "--port", "0", "--http-port", "off",
                "--db", "postgresql://chamada:s3cret@db1/school");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("--db postgresql://chamada:***@db1/school has a password in it, where every"
                + " user of this machine could read it (in the process list, the shell's history): remove it, and give it"
                + " in CHAMADA_DB_PASSWORD or --db-password-file." + NL);
    }

    @Test
    void server_postgresPasswordParameter_isRefusedInPortuguese() {
        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).run("server", "--port", "0", "--http-port", "off",
                "--db", "postgresql://chamada@db1/school?password=s3cret&ssl=true");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("--db postgresql://chamada@db1/school?password=***&ssl=true tem uma senha")
                .doesNotContain("s3cret");
    }

    @Test
    void server_postgresSchemeOtherThanPostgresql_isRefusedAndMakesNoFolder() {
        CliRunner.Result result = new CliRunner().run("--lang", "en", "server", "--port", "0", "--http-port", "off",
                "--db", "postgres://chamada@db1/school");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("--db postgres://chamada@db1/school is not a PostgreSQL address");
        assertThat(Path.of("postgres:")).doesNotExist();
    }

    @Test
    void server_missingPasswordFile_isNamedAsTheOption() {
        Path missing = dir.resolve("no-such-password-file");
        CliRunner.Result result = new CliRunner().run("--lang", "en", "server", "--port", "0", "--http-port", "off",
                "--db", "postgresql://chamada@127.0.0.1/school", "--db-password-file", missing.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).startsWith("Could not read --db-password-file " + missing + " (");
    }

    @Test
    void server_emptyPasswordFile_isAUsageError() throws Exception {
        Path empty = Files.writeString(dir.resolve("db-password"), "\n");
        CliRunner.Result result = new CliRunner().run("--lang", "en", "server", "--port", "0", "--http-port", "off",
                "--db", "postgresql://chamada@127.0.0.1/school", "--db-password-file", empty.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("--db-password-file " + empty + " has no password on its first line." + NL);
    }

    @Test
    void server_passwordFileWithASqliteDatabase_isAUsageError() {
        CliRunner.Result result = new CliRunner().run("--lang", "en", "server", "--port", "0", "--http-port", "off",
                "--db", dir.resolve("c.db").toString(), "--db-password-file", dir.resolve("pw").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("--db-password-file is for a PostgreSQL --db (postgresql://...); a SQLite"
                + " file has no password." + NL);
    }

    @Test
    void server_postgresUnreachable_saysWhereInOneLine() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliRunner.Result result = new CliRunner().run("--lang", "en", "server", "--bind", "127.0.0.1", "--port", "0",
                "--http-port", "off", "--db", "postgresql://chamada@127.0.0.1:" + closedPort + "/school");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).startsWith("Cannot reach PostgreSQL at postgresql://chamada@127.0.0.1:" + closedPort
                + "/school (").endsWith("and the password in CHAMADA_DB_PASSWORD or --db-password-file." + NL);
    }
}
