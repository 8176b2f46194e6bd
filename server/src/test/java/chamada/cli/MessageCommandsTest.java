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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Class messages on the command line, on a server with a teachers file and the test's clock:
 * a student's message and its acknowledgement, several typed one per line, the teacher's inbox
 * and its read marks, anonymity chosen in the class's defaults, and {@code teacher watch}
 * printing other people's check-ins and messages as they happen.
 */
class MessageCommandsTest {

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
        server = TestServer.start(dir, config -> config.withTeachersFile(teachers), clock);
        port = Integer.toString(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void studentMessage_isAcknowledged_andTheTeachersInboxShowsIt_thenMarksItRead() {
        CliRunner.Result sent = run(new CliRunner().lang(Lang.PT_BR), "student", "message", "1010", "Posso", "entregar",
                "amanhã?", "--matricula", "042191010");
        clock.advance(Duration.ofMinutes(1));
        CliRunner.Result typed = run(new CliRunner().input("Primeira linha", "Segunda pergunta", "", "não vai"),
                "student", "message", "1010", "--matricula", "7");

        CliRunner.Result inbox = teacher(Lang.EN, "inbox", "1010", "--mark-read");
        CliRunner.Result unread = teacher(Lang.PT_BR, "inbox", "1010", "--unread");

        assertThat(sent.exitCode()).as(sent.err()).isEqualTo(ExitCodes.OK);
        assertThat(sent.out()).isEqualTo("Mensagem 1 entregue à turma 1010 às 01/12/2026 08:00:00." + NL);
        assertThat(typed.exitCode()).as(typed.err()).isEqualTo(ExitCodes.OK);
        assertThat(typed.out()).isEqualTo("Message 2 delivered to class 1010 at 01/12/2026 08:01:00." + NL
                + "Message 3 delivered to class 1010 at 01/12/2026 08:01:00." + NL);
        assertThat(inbox.out()).isEqualTo("Messages of class 1010 (3, 3 unread):" + NL
                + "  #1  01/12/2026 08:00:00  042191010  (new)" + NL
                + "      Posso entregar amanhã?" + NL
                + "  #2  01/12/2026 08:01:00  7  (new)" + NL
                + "      Primeira linha" + NL
                + "  #3  01/12/2026 08:01:00  7  (new)" + NL
                + "      Segunda pergunta" + NL
                + "3 message(s) marked read." + NL);
        assertThat(unread.out()).isEqualTo("A turma 1010 não tem mensagens não lidas." + NL);
    }

    @Test
    void anonymousMessage_isRefusedUntilTheClassDefaultsAllowIt() {
        CliRunner.Result refused = run(new CliRunner(), "student", "message", "1010", "sem nome", "--anonymous");
        CliRunner.Result allowed = teacher(Lang.EN, "defaults", "1010", "--anonymous-messages", "on");
        CliRunner.Result sent = run(new CliRunner(), "student", "message", "1010", "sem nome", "--anonymous");
        CliRunner.Result neither = run(new CliRunner(), "student", "message", "1010", "quem?");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).isEqualTo("Class 1010 does not take anonymous messages: write your matrícula too." + NL);
        assertThat(allowed.out()).isEqualTo("Class 1010 has no default lateness: nobody is late unless a roll call is"
                + " opened with --late-after." + NL + "Class 1010 takes anonymous messages." + NL);
        assertThat(sent.exitCode()).as(sent.err()).isEqualTo(ExitCodes.OK);
        assertThat(teacher(Lang.PT_BR, "inbox", "1010").out()).contains("#1  01/12/2026 08:00:00  anônima  (nova)");
        assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("--matricula MATRICULA, or --anonymous");
    }

    @Test
    void teacherWatch_printsCheckInsWithTheCount_andMessages_asTheyHappen_untilCtrlC() {
        teacher(Lang.EN, "open", "1010", "--code-policy", "none");
        CliRunner.Running watch = new CliRunner().lang(Lang.EN).start(withPort("teacher", "watch", "1010", "--name",
                "ana", "--secret", "s3cret"));
        await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("Watching class 1010"));

        run(new CliRunner(), "student", "checkin", "042191010", "1010");
        run(new CliRunner(), "student", "message", "1010", "Chego em 5 minutos", "--matricula", "7");
        await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("Chego em 5 minutos"));
        watch.stop();
        CliRunner.Result ended = watch.result();

        assertThat(ended.exitCode()).as(ended.err()).isEqualTo(ExitCodes.OK);
        assertThat(ended.out()).isEqualTo("Watching class 1010; Ctrl-C ends. Roll call open, 0 present." + NL
                + "08:00:00  present: 042191010  (1 present)" + NL
                + "08:00:00  message #1 from 7:" + NL
                + "      Chego em 5 minutos" + NL);
    }

    private CliRunner.Result teacher(Lang lang, String... args) {
        List<String> all = new ArrayList<>(List.of("teacher"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--name", "ana", "--secret", "s3cret"));
        return run(new CliRunner().lang(lang), all.toArray(String[]::new));
    }

    private CliRunner.Result run(CliRunner runner, String... args) {
        return runner.run(withPort(args));
    }

    private String[] withPort(String... args) {
        String[] withPort = Arrays.copyOf(args, args.length + 2);
        withPort[args.length] = "--port";
        withPort[args.length + 1] = port;
        return withPort;
    }
}
