package chamada.server;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static chamada.testing.Replies.as;
import static chamada.testing.Replies.code;
import static org.assertj.core.api.Assertions.assertThat;

/** A server with a teachers file: only authenticated teachers open, read and close; only the owner closes. */
class TeacherAuthTest {

    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("bruno"), "outra-senha", false);
        server = TestServer.start(dir, config -> config.withTeachersFile(teachers));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void open_withoutLogin_isRefused() {
        try (ChamadaClient anonymous = server.client()) {
            assertThat(code(anonymous.open(CLASS))).isEqualTo("AUTH_REQUIRED");
            assertThat(code(anonymous.status(CLASS))).isEqualTo("AUTH_REQUIRED");
            assertThat(code(anonymous.close(CLASS))).isEqualTo("AUTH_REQUIRED");
            assertThat(code(anonymous.history(CLASS))).isEqualTo("AUTH_REQUIRED");
            assertThat(code(anonymous.export(CLASS))).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void login_wrongSecretOrUnknownName_isRefused() {
        try (ChamadaClient client = server.client()) {
            assertThat(code(client.login("ana", "wrong"))).isEqualTo("AUTH_FAILED");
            assertThat(code(client.login("nobody", "s3cret"))).isEqualTo("AUTH_FAILED");
            assertThat(code(client.login("(open)", "s3cret"))).isEqualTo("INVALID_FIELD");
            assertThat(code(client.open(CLASS))).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void login_failedAfterASuccessfulOne_endsThatLoginToo() {
        try (ChamadaClient client = server.client()) {
            as(client.login("bruno", "outra-senha"), Response.LoggedIn.class);

            assertThat(code(client.login("bruno", "wrong"))).isEqualTo("AUTH_FAILED");

            assertThat(code(client.open(CLASS))).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void close_byAnotherTeacher_isRefusedAndRollCallStaysOpen() {
        try (ChamadaClient ana = server.client(); ChamadaClient bruno = server.client();
             ChamadaClient student = server.client()) {
            as(ana.login("ana", "s3cret"), Response.LoggedIn.class);
            as(bruno.login("bruno", "outra-senha"), Response.LoggedIn.class);
            as(ana.open(CLASS), Response.Opened.class);

            assertThat(code(bruno.close(CLASS))).isEqualTo("NOT_OWNER");

            as(student.checkIn(new Matricula("1"), CLASS), Response.CheckedIn.class);
            as(bruno.status(CLASS), Response.RollCallReply.class);
            assertThat(as(ana.close(CLASS), Response.RollCallReply.class).rollCall().present()).hasSize(1);
        }
    }

    @Test
    void student_canCheckInButNeverReadTheList() {
        try (ChamadaClient ana = server.client(); ChamadaClient student = server.client()) {
            as(ana.login("ana", "s3cret"), Response.LoggedIn.class);
            as(ana.open(CLASS), Response.Opened.class);

            as(student.checkIn(new Matricula("1"), CLASS), Response.CheckedIn.class);

            assertThat(code(student.status(CLASS))).isEqualTo("AUTH_REQUIRED");
            assertThat(code(student.close(CLASS))).isEqualTo("AUTH_REQUIRED");
        }
    }
}
