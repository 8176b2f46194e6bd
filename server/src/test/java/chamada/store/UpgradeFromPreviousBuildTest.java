package chamada.store;

import chamada.client.ChamadaClient;
import chamada.materials.Material;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.messages.ClassMessage;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store the previous build wrote, kept in {@code upgrade/0.1.0-schema15} (commit
 * {@code 1ebb198}, schema version 15): this build brings it up to date at start and serves
 * everything in it, and takes new writes. How it was made: that build's server on an empty
 * folder, teacher {@code ana} (secret {@code s3cret}); class 1010 opened with no code, 042191010,
 * 205182055 and 7 checked in, closed; class 2020 opened, 8 checked in, left open; a message from 7
 * to 1010 ("Vale nota?"); {@code roteiro.txt} published to 1010; 1010 taking anonymous messages;
 * then a graceful stop. UPGRADING.md says how to upgrade.
 */
class UpgradeFromPreviousBuildTest {

    private static final ClassId CLOSED = new ClassId(1010);
    private static final ClassId OPEN = new ClassId(2020);
    private static final String ROTEIRO_SHA256 = "cb3afe8724749bdcd99aea5b94c8a242620007ff5022e53ac528a6d991a5032c";

    @TempDir
    Path dir;

    @Test
    void thePreviousBuildsStore_isUpgradedAtStart_andServesWhatItHeld() throws Exception {
        copy(Path.of(UpgradeFromPreviousBuildTest.class.getResource("/upgrade/0.1.0-schema15").toURI()), dir);
        assertThat(schemaVersion(dir.resolve("chamada.db"))).isEqualTo(15);

        try (TestServer server = TestServer.start(dir); ChamadaClient teacher = server.client()) {
            as(teacher.login("ana", "s3cret"), Response.LoggedIn.class);

            Response.Export closed = as(teacher.export(CLOSED), Response.Export.class);
            assertThat(closed.rollCalls()).singleElement().satisfies(rollCall -> assertThat(rollCall.rollCall().present())
                    .extracting(CheckIn::matricula).containsExactly(new Matricula("042191010"),
                            new Matricula("205182055"), new Matricula("7")));
            Response.RollCallReply open = as(teacher.status(OPEN), Response.RollCallReply.class);
            assertThat(open.rollCall().present()).extracting(CheckIn::matricula).containsExactly(new Matricula("8"));
            Response.Inbox inbox = as(teacher.inbox(CLOSED, false), Response.Inbox.class);
            assertThat(inbox.messages()).extracting(message -> message.text().value(), ClassMessage::sender)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Vale nota?", Optional.of(new Matricula("7"))));
            assertThat(inbox.shown()).as("schema 16's question screen, empty").isEmpty();
            assertThat(as(teacher.anonymous(CLOSED, Optional.empty()), Response.Anonymous.class).anonymous()).isTrue();
            assertThat(as(teacher.materials(CLOSED), Response.Materials.class).materials())
                    .extracting(Material::name, Material::sha256)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(new MaterialName("roteiro.txt"), ROTEIRO_SHA256));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            as(teacher.download(CLOSED, new MaterialChoice.ByName(new MaterialName("roteiro.txt")), 0, bytes),
                    Response.Download.class);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("1) Abra um socket.\n2) Faça o bind.\n");

            as(teacher.checkIn(new Matricula("9"), OPEN), Response.CheckedIn.class);
            as(teacher.show(CLOSED, Optional.of(inbox.messages().getFirst().id())), Response.QuestionShown.class);
        }
        assertThat(schemaVersion(dir.resolve("chamada.db"))).isEqualTo(SchemaVersion.latest());
    }

    private static int schemaVersion(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery(
                     "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
            version.next();
            return version.getInt(1);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
