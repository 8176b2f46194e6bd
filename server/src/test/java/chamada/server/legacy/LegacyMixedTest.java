package chamada.server.legacy;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Native and legacy clients on the same classes: one set of rules, one store, whichever
 * protocol a teacher or a student speaks.
 */
class LegacyMixedTest {

    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    private LegacyFixture server;

    @BeforeEach
    void start() {
        server = LegacyFixture.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> matriculas(Response.RollCallReply reply) {
        return reply.rollCall().present().stream().map(CheckIn::matricula).map(Matricula::value).toList();
    }

    @Test
    void nativeTeacher_seesLegacyAndNativeStudentsAtClose() {
        try (ChamadaClient teacher = server.nativeClient(); ChamadaClient nativeStudent = server.nativeClient();
             RawClient legacyStudent = server.connect(LegacyPort.ROLL_CALL)) {
            as(teacher.open(CLASS), Response.Opened.class);
            legacyStudent.exchange("42191010/1010,student",
                    "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");
            as(nativeStudent.checkIn(new Matricula("10"), CLASS), Response.CheckedIn.class);
            legacyStudent.exchange("10/1010,student", "Você já registrou sua presença nesta turma!");

            Response.RollCallReply closed = as(teacher.close(CLASS), Response.RollCallReply.class);

            assertThat(matriculas(closed)).containsExactly("42191010", "10");
        }
    }

    @Test
    void legacyTeacher_seesNativeStudentsAtClose() {
        try (RawClient teacher = server.connect(LegacyPort.ROLL_CALL); ChamadaClient student = server.nativeClient()) {
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            Response.CheckedIn checkedIn = as(student.checkIn(new Matricula("042191010"), CLASS), Response.CheckedIn.class);
            assertThat(checkedIn.alreadyRegistered()).isFalse();

            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"
                    + " Os seguintes alunos registraram presença: ['042191010']");
        }
    }

    @Test
    void loggedInTeachersRollCall_cannotBeClosedFromTheLegacyPort() {
        try (ChamadaClient teacher = server.nativeClient(); RawClient legacyTeacher = server.connect(LegacyPort.ROLL_CALL)) {
            as(teacher.login("ana", "qualquer"), Response.LoggedIn.class);
            as(teacher.open(CLASS), Response.Opened.class);

            legacyTeacher.exchange("1010,teacher",
                    "A chamada da turma 1010 foi aberta por ana; somente esse professor pode encerrá-la.");

            assertThat(as(teacher.status(CLASS), Response.RollCallReply.class).rollCall().isOpen()).isTrue();
        }
    }

    @Test
    void openModeRollCall_withoutLogin_canBeClosedFromTheLegacyPort() {
        try (ChamadaClient teacher = server.nativeClient(); RawClient legacyTeacher = server.connect(LegacyPort.ROLL_CALL)) {
            as(teacher.open(CLASS), Response.Opened.class);
            as(teacher.checkIn(new Matricula("10"), CLASS), Response.CheckedIn.class);

            legacyTeacher.exchange("1010,teacher", "A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"
                    + " Os seguintes alunos registraram presença: ['10']");
        }
    }

    @Test
    void withATeachersFile_legacyTeacherNeedsNoLogin_andCannotCloseALoggedInTeachersClass() throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        try (LegacyFixture guarded = LegacyFixture.start(dir.resolve("guarded"), config -> config.withTeachersFile(teachers));
             ChamadaClient ana = guarded.nativeClient(); RawClient legacy = guarded.connect(LegacyPort.ROLL_CALL)) {
            as(ana.login("ana", "s3cret"), Response.LoggedIn.class);
            as(ana.open(new ClassId(2020)), Response.Opened.class);

            legacy.exchange("2020,teacher",
                    "A chamada da turma 2020 foi aberta por ana; somente esse professor pode encerrá-la.");
            legacy.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
        }
    }

    /** The seeds' teachers cannot log in: a class with teachers of its own is theirs alone, never the legacy port's. */
    @Test
    void withATeachersFile_aClassWithAssignedTeachers_cannotBeOpenedFromTheLegacyPort() throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("diretora"), "a-diretora", true);
        try (LegacyFixture guarded = LegacyFixture.start(dir.resolve("guarded"), config -> config.withTeachersFile(teachers));
             ChamadaClient ana = guarded.nativeClient(); RawClient legacy = guarded.connect(LegacyPort.ROLL_CALL)) {
            as(ana.login("diretora", "a-diretora"), Response.LoggedIn.class);
            as(ana.call(new Request.Assign(new ClassId(2020), List.of(TeacherName.ofLogin("ana")))), Response.Assigned.class);
            as(ana.login("ana", "s3cret"), Response.LoggedIn.class);

            legacy.exchange("2020,teacher", ErrorCode.NOT_ASSIGNED.format(Lang.PT_BR, new ClassId(2020), LegacyServer.TEACHER));

            assertThat(as(ana.status(new ClassId(2020)), Response.Failure.class).code()).isEqualTo(ErrorCode.NOT_OPEN);
        }
    }

    @Test
    void legacyRollCall_canBeClosedByAnyNativeTeacher() {
        try (ChamadaClient teacher = server.nativeClient(); RawClient legacy = server.connect(LegacyPort.ROLL_CALL)) {
            as(teacher.login("bruno", "qualquer"), Response.LoggedIn.class);
            legacy.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            legacy.exchange("42/1010,student", "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");

            Response.RollCallReply closed = as(teacher.close(CLASS), Response.RollCallReply.class);

            assertThat(closed.rollCall().teacher()).isEqualTo(LegacyServer.TEACHER);
            assertThat(matriculas(closed)).containsExactly("42");
            legacy.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
        }
    }

    @Test
    void legacyRollCall_isInTheNativeHistory() {
        try (ChamadaClient teacher = server.nativeClient(); RawClient legacy = server.connect(LegacyPort.ROLL_CALL)) {
            legacy.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            legacy.exchange("10/1010,student", "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");
            legacy.exchange("1010,teacher", "A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"
                    + " Os seguintes alunos registraram presença: ['10']");

            Response.History history = as(teacher.history(CLASS), Response.History.class);

            assertThat(history.rollCalls()).hasSize(1);
        }
    }

    @Test
    void manyLegacyStudentsAtOnce_areEachCountedOnce() throws Exception {
        int students = 40;
        try (RawClient teacher = server.connect(LegacyPort.ROLL_CALL);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            teacher.exchange("1010,teacher", "A chamada da turma 1010 foi ativada em 09/03/2026 às 19:05!");
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                String matricula = Integer.toString(1000 + i);
                done.add(pool.submit(() -> {
                    try (RawClient student = server.connect(LegacyPort.ROLL_CALL)) {
                        student.exchange(matricula + "/1010,student",
                                "Presença registrada com sucesso na turma 1010 em 09/03/2026 às 19:05!");
                        student.exchange(matricula + "/1010,student", "Você já registrou sua presença nesta turma!");
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            try (ChamadaClient reader = server.nativeClient()) {
                Response.RollCallReply status = as(reader.status(CLASS), Response.RollCallReply.class);
                assertThat(matriculas(status)).hasSize(students).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void twoLegacyTeachersTogglingAtOnce_openItOnceAndNeverFail() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                replies.add(pool.submit(() -> {
                    try (RawClient teacher = server.connect(LegacyPort.ROLL_CALL)) {
                        return teacher.sendLast("1010,teacher").readToEnd();
                    }
                }));
            }
            List<String> texts = new ArrayList<>();
            for (Future<String> reply : replies) {
                texts.add(reply.get());
            }
            assertThat(texts).filteredOn(text -> text.contains("foi ativada")).hasSize(1);
            assertThat(texts).filteredOn(text -> !text.contains("foi ativada")).singleElement().satisfiesAnyOf(
                    text -> assertThat(text).startsWith("A chamada da turma 1010 já está aberta (desde 09/03/2026 19:05:00)"),
                    text -> assertThat(text).startsWith("A chamada da turma 1010 foi encerrada em 09/03/2026 às 19:05!"));
        }
    }
}
