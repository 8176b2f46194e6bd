package chamada.server;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.TeacherName;
import chamada.store.postgres.PostgresAddress;
import chamada.teachers.TeachersFile;
import chamada.testing.TestPostgres;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/SECURITY.md, "Replacing the session key": its statement for each store, run as written
 * between two starts of a server, ends every token made before, and a teacher logs in again.
 */
class SessionKeyReplacementTest {

    @TempDir
    Path dir;

    @Test
    void embeddedStore_theDocumentsStatement_endsEveryTokenMadeBefore() throws Exception {
        String statement = documented("\"(UPDATE session_key [^\"]+)\"");
        Path database = dir.resolve("chamada.db");

        tokenEndsOnlyAfter(config -> config, () -> {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                 Statement sql = connection.createStatement()) {
                sql.executeUpdate(statement);
            }
        });
    }

    @Test
    void postgres_theDocumentsStatement_endsEveryTokenMadeBefore() throws Exception {
        String statement = documented("\"(DELETE FROM session_key)\"");
        PostgresAddress database = TestPostgres.freshDatabase();

        tokenEndsOnlyAfter(config -> config.withStore(new StoreConfig.Postgres(database, Optional.empty())), () -> {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
                 Statement sql = connection.createStatement()) {
                sql.executeUpdate(statement);
            }
        });
    }

    /** A token survives a plain restart, then is refused after {@code replaceKey} ran between two starts. */
    private void tokenEndsOnlyAfter(UnaryOperator<ServerConfig> store, SqlStep replaceKey) throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "secret-of-ana", false);
        UnaryOperator<ServerConfig> config = c -> store.apply(c).withTeachersFile(teachers);
        String token;
        try (TestServer server = TestServer.start(dir, config); ChamadaClient ana = server.client()) {
            token = ((Response.LoggedIn) ana.login("ana", "secret-of-ana")).token().orElseThrow();
        }
        try (TestServer server = TestServer.start(dir, config); ChamadaClient ana = server.client()) {
            assertThat(ana.call(new Request.Resume(token))).as("after a plain restart").isInstanceOf(Response.Resumed.class);
        }

        replaceKey.run();

        try (TestServer server = TestServer.start(dir, config); ChamadaClient ana = server.client()) {
            assertThat(ana.call(new Request.Resume(token))).isInstanceOfSatisfying(Response.Failure.class,
                    refused -> assertThat(refused.code()).isEqualTo(ErrorCode.TOKEN_INVALID));
            assertThat(ana.login("ana", "secret-of-ana")).isInstanceOf(Response.LoggedIn.class);
        }
    }

    /** The SQL statement SECURITY.md gives, the first group of {@code quoted}. */
    private static String documented(String quoted) throws IOException {
        Matcher statement = Pattern.compile(quoted).matcher(Files.readString(Path.of("docs", "SECURITY.md")));
        assertThat(statement.find()).as("docs/SECURITY.md gives %s", quoted).isTrue();
        return statement.group(1);
    }

    @FunctionalInterface
    private interface SqlStep {
        void run() throws SQLException;
    }
}
