package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A school administrator on the command line: the first one made with the teachers file, then
 * accounts and class assignments managed on the running server, each taking effect at the next
 * request without a restart.
 */
class AdminCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private TestServer server;
    private String port;

    @BeforeEach
    void start() throws IOException {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("diretora"), "s3cret", true);
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        server = TestServer.start(dir, config -> config.withTeachersFile(teachers));
        port = Integer.toString(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void administrator_addsAssignsAndDisables_andEachHoldsAtTheNextRequest() {
        CliRunner.Result added = as("diretora", Lang.EN, "admin", "teacher", "add", "bia", "--new-secret", "outra");
        CliRunner.Result list = as("diretora", Lang.PT_BR, "admin", "teacher", "list");
        CliRunner.Result assigned = as("diretora", Lang.EN, "admin", "class", "assign", "1010", "bia");
        CliRunner.Result notAssigned = as("ana", Lang.EN, "teacher", "open", "1010", "--code-policy", "none");
        CliRunner.Result opened = run("bia", "outra", Lang.EN, "teacher", "open", "1010", "--code-policy", "none");
        CliRunner.Result closedByAdministrator = as("diretora", Lang.EN, "teacher", "close", "1010");
        CliRunner.Result disabled = as("diretora", Lang.EN, "admin", "teacher", "disable", "bia");
        CliRunner.Result refusedLogin = run("bia", "outra", Lang.EN, "teacher", "history", "1010");
        CliRunner.Result assignments = as("diretora", Lang.EN, "admin", "class", "list");

        assertThat(added.exitCode()).as(added.err()).isEqualTo(ExitCodes.OK);
        assertThat(added.out()).isEqualTo("Teacher bia added." + NL);
        assertThat(list.out()).isEqualTo("Professores (3):" + NL
                + "  ana (do arquivo de professores)" + NL
                + "  bia" + NL
                + "  diretora (administrador, do arquivo de professores)" + NL);
        assertThat(assigned.out()).isEqualTo("Class 1010 now belongs to: bia." + NL);
        assertThat(notAssigned.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(notAssigned.err()).isEqualTo("Class 1010 has its own teachers, and ana is not one of them; ask a"
                + " school administrator." + NL);
        assertThat(opened.exitCode()).as(opened.err()).isEqualTo(ExitCodes.OK);
        assertThat(closedByAdministrator.exitCode()).as(closedByAdministrator.err()).isEqualTo(ExitCodes.OK);
        assertThat(disabled.out()).isEqualTo("Teacher bia disabled: refused from their next request, on every server."
                + NL);
        assertThat(refusedLogin.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refusedLogin.err()).contains("Unknown teacher or wrong secret.");
        assertThat(assignments.out()).isEqualTo("Classes with assigned teachers (1):" + NL + "  1010: bia" + NL);
    }

    @Test
    void refusals_sayWhyAndChangeNothing() {
        CliRunner.Result byTeacher = as("ana", Lang.EN, "admin", "teacher", "add", "carla", "--new-secret", "x");
        CliRunner.Result fileAccount = as("diretora", Lang.PT_BR, "admin", "teacher", "remove", "ana");
        CliRunner.Result lastAdministrator = as("diretora", Lang.EN, "admin", "teacher", "disable", "diretora");
        CliRunner.Result unknown = as("diretora", Lang.EN, "admin", "class", "assign", "1010", "carla");
        CliRunner.Result badName = as("diretora", Lang.EN, "admin", "teacher", "add", "ana maria", "--new-secret", "x");
        CliRunner.Result list = as("diretora", Lang.EN, "admin", "teacher", "list");

        assertThat(byTeacher.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(byTeacher.err()).isEqualTo("Only a school administrator may do this, and ana is not one." + NL);
        assertThat(fileAccount.err()).isEqualTo("ana vem do arquivo de professores do servidor, que desfaria isso no"
                + " próximo início: altere o arquivo (chamada teacher add --teachers ARQUIVO) e reinicie o servidor." + NL);
        assertThat(lastAdministrator.err()).isEqualTo("diretora is the only enabled administrator; add another"
                + " (admin teacher add NAME --admin) first." + NL);
        assertThat(unknown.err()).isEqualTo("There is no teacher named carla." + NL);
        assertThat(badName.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(list.out()).isEqualTo("Teachers (2):" + NL + "  ana (from the teachers file)" + NL
                + "  diretora (administrator, from the teachers file)" + NL);
    }

    @Test
    void administrator_exportsEverythingHeldAboutAStudent_thenForgetsThem() throws IOException {
        Path roster = Files.writeString(dir.resolve("1010.csv"), "matricula,name\n042191010,Ana Souza\n7,Bruno Lima\n");
        as("ana", Lang.EN, "teacher", "roster", "import", "1010", roster.toString());
        as("ana", Lang.EN, "teacher", "open", "1010", "--code-policy", "none");
        new CliRunner().run("student", "checkin", "042191010", "1010", "--port", port);
        as("ana", Lang.EN, "teacher", "close", "1010");
        Path out = dir.resolve("student.json");

        CliRunner.Result exported = as("diretora", Lang.EN, "admin", "export-student", "042191010", "--out",
                out.toString());
        CliRunner.Result byTeacher = as("ana", Lang.EN, "admin", "export-student", "042191010");
        CliRunner.Result unconfirmed = as("diretora", Lang.EN, "admin", "forget", "042191010");
        CliRunner.Result forgotten = as("diretora", Lang.PT_BR, "admin", "forget", "042191010", "--confirm");
        CliRunner.Result afterwards = as("diretora", Lang.EN, "admin", "export-student", "042191010");
        CliRunner.Result again = as("diretora", Lang.EN, "admin", "forget", "042191010", "--confirm");

        assertThat(exported.exitCode()).as(exported.err()).isEqualTo(ExitCodes.OK);
        assertThat(exported.out()).isEqualTo("Everything held about 042191010 written to " + out + ": 1 roster(s),"
                + " 1 check-in(s), 0 status(es), 0 audit record(s)." + NL);
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertThat(json.path("matricula").asText()).isEqualTo("042191010");
        assertThat(json.path("rosters").get(0).path("name").asText()).isEqualTo("Ana Souza");
        assertThat(json.path("check_ins").get(0).path("class").asInt()).isEqualTo(1010);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(byTeacher.err()).isEqualTo("Only a school administrator may do this, and ana is not one." + NL);
        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.err()).startsWith("Forgetting 042191010 replaces their matrícula with a random number")
                .contains("LGPD art. 16").contains("Nothing was sent");
        assertThat(forgotten.exitCode()).as(forgotten.err()).isEqualTo(ExitCodes.OK);
        assertThat(forgotten.out()).matches("042191010 esquecido: seus registros agora citam 00[0-9]{18}\\.\\R");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(again.err()).isEqualTo("Chamada holds nothing about 042191010: check the number; nothing was"
                + " changed." + NL);
        JsonNode after = new ObjectMapper().readTree(afterwards.out());
        assertThat(after.path("rosters").isEmpty()).isTrue();
        assertThat(after.path("check_ins").isEmpty()).isTrue();
    }

    private CliRunner.Result as(String teacher, Lang lang, String... args) {
        return run(teacher, "s3cret", lang, args);
    }

    private CliRunner.Result run(String teacher, String secret, Lang lang, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--name", teacher, "--secret", secret, "--port", port));
        return new CliRunner().lang(lang).run(all.toArray(String[]::new));
    }
}
