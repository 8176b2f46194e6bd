package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.MutableClock;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections on the command line, on a server with a teachers file and the test's clock: an
 * absentee excused with a reason, the audit that shows it, and the lock once --edit-days have
 * passed since the close, which an administrator may still correct.
 */
class MarkAndAuditCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T11:00:00Z"),
            ZoneId.of("America/Sao_Paulo"));
    private TestServer server;
    private String port;

    @BeforeEach
    void start() throws IOException {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("diretora"), "s3cret", true);
        server = TestServer.start(dir, config -> config.withTeachersFile(teachers), clock);
        port = Integer.toString(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void absenteeExcused_withAReason_isInTheAudit_andAfterSevenDaysTheRollCallIsLocked() throws IOException {
        Path roster = Files.writeString(dir.resolve("1010.csv"), "matricula,name\n042191010,Ana Souza\n7,Bruno Lima\n");
        teacher(Lang.EN, "roster", "import", "1010", roster.toString());
        teacher(Lang.EN, "open", "1010", "--code-policy", "none");
        run(Lang.EN, "student", "checkin", "042191010", "1010");
        clock.advance(Duration.ofMinutes(50));
        teacher(Lang.EN, "close", "1010");
        clock.advance(Duration.ofHours(2));

        CliRunner.Result excused = teacher(Lang.PT_BR, "mark", "1010", "7", "justificado", "--reason", "atestado médico");
        CliRunner.Result audit = teacher(Lang.EN, "audit", "1010");
        CliRunner.Result history = teacher(Lang.EN, "history", "1010");
        clock.advance(Duration.ofDays(7));
        CliRunner.Result locked = teacher(Lang.EN, "mark", "1010", "7", "present", "--reason", "late paperwork",
                "--roll-call", "1");
        CliRunner.Result badStatus = teacher(Lang.EN, "mark", "1010", "7", "missing", "--reason", "x");
        CliRunner.Result byAdministrator = run(Lang.EN, "teacher", "mark", "1010", "7", "present", "--reason",
                "late paperwork", "--roll-call", "1", "--name", "diretora", "--secret", "s3cret");

        assertThat(excused.exitCode()).as(excused.err()).isEqualTo(ExitCodes.OK);
        assertThat(excused.out()).isEqualTo("7 agora está justificado na chamada 1 da turma 1010 (estava ausente)." + NL);
        assertThat(audit.out()).isEqualTo("Changes to the roll calls of class 1010 (1):" + NL
                + "  01/12/2026 10:50:00  roll call 1  7: absent -> excused, by ana: atestado médico" + NL);
        assertThat(history.out()).contains("(roll call 1)");
        assertThat(locked.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(locked.err()).isEqualTo("Roll call 1 of class 1010 closed more than the correction window ago: it is"
                + " locked since 08/12/2026 08:50:00. Ask a school administrator." + NL);
        assertThat(byAdministrator.exitCode()).as(byAdministrator.err()).isEqualTo(ExitCodes.OK);
        assertThat(byAdministrator.out()).isEqualTo("7 is now present in roll call 1 of class 1010 (was excused)." + NL);
        assertThat(badStatus.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badStatus.err()).contains("missing is not a status: use present, late, excused or absent.");
    }

    private CliRunner.Result teacher(Lang lang, String... args) {
        List<String> all = new ArrayList<>(List.of("teacher"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--name", "ana", "--secret", "s3cret"));
        return run(lang, all.toArray(String[]::new));
    }

    private CliRunner.Result run(Lang lang, String... args) {
        String[] withPort = Arrays.copyOf(args, args.length + 2);
        withPort[args.length] = "--port";
        withPort[args.length + 1] = port;
        return new CliRunner().lang(lang).run(withPort);
    }
}
