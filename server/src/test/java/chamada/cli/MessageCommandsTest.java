package chamada.cli;

import chamada.i18n.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

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

    private CliServer server;

    @BeforeEach
    void start() {
        server = new CliServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void studentMessage_isAcknowledged_andTheTeachersInboxShowsIt_thenMarksItRead() {
        CliRunner.Result sent = server.run(new CliRunner().lang(Lang.PT_BR), "student", "message", "1010", "Posso", "entregar",
                "amanhã?", "--matricula", "042191010");
        server.clock.advance(Duration.ofMinutes(1));
        CliRunner.Result typed = server.run(new CliRunner().input("Primeira linha", "Segunda pergunta", "", "não vai"),
                "student", "message", "1010", "--matricula", "7");

        CliRunner.Result inbox = server.teacher(Lang.EN, "inbox", "1010", "--mark-read");
        CliRunner.Result unread = server.teacher(Lang.PT_BR, "inbox", "1010", "--unread");

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
        CliRunner.Result refused = server.run(new CliRunner(), "student", "message", "1010", "sem nome", "--anonymous");
        CliRunner.Result allowed = server.teacher(Lang.EN, "defaults", "1010", "--anonymous-messages", "on");
        CliRunner.Result sent = server.run(new CliRunner(), "student", "message", "1010", "sem nome", "--anonymous");
        CliRunner.Result neither = server.run(new CliRunner(), "student", "message", "1010", "quem?");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).isEqualTo("Class 1010 does not take anonymous messages: write your matrícula too." + NL);
        assertThat(allowed.out()).isEqualTo("Class 1010 has no default lateness: nobody is late unless a roll call is"
                + " opened with --late-after." + NL + "Class 1010 takes anonymous messages." + NL);
        assertThat(sent.exitCode()).as(sent.err()).isEqualTo(ExitCodes.OK);
        assertThat(server.teacher(Lang.PT_BR, "inbox", "1010").out()).contains("#1  01/12/2026 08:00:00  anônima  (nova)");
        assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("--matricula MATRICULA, or --anonymous");
    }

    @Test
    void teacherShow_putsAMessageOnTheQuestionScreen_withoutItsSender_andOffTakesItAway() {
        server.run(new CliRunner(), "student", "message", "1010", "Vale nota?", "--matricula", "7");

        CliRunner.Result shown = server.teacher(Lang.EN, "show", "1010", "#1");
        CliRunner.Result unknown = server.teacher(Lang.EN, "show", "1010", "2");
        CliRunner.Result typo = server.teacher(Lang.PT_BR, "show", "1010", "um");
        CliRunner.Result off = server.teacher(Lang.PT_BR, "show", "1010", "off");

        assertThat(shown.err()).isEmpty();
        assertThat(shown.out()).isEqualTo("Class 1010's question screen shows message #1, without its sender:" + NL
                + "      Vale nota?" + NL);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknown.err()).isEqualTo("Class 1010 has no message 2; chamada teacher inbox 1010 lists them." + NL);
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("um");
        assertThat(off.out()).isEqualTo("A tela de perguntas da turma 1010 não mostra mensagem." + NL);
    }

    @Test
    void teacherWatch_printsCheckInsWithTheCount_andMessages_asTheyHappen_untilCtrlC() {
        server.teacher(Lang.EN, "open", "1010", "--code-policy", "none");
        CliRunner.Running watch = new CliRunner().lang(Lang.EN).start(server.withPort("teacher", "watch", "1010", "--name",
                "ana", "--secret", "s3cret"));
        await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("Watching class 1010"));

        server.run(new CliRunner(), "student", "checkin", "042191010", "1010");
        server.run(new CliRunner(), "student", "message", "1010", "Chego em 5 minutos", "--matricula", "7");
        await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("Chego em 5 minutos"));
        watch.stop();
        CliRunner.Result ended = watch.result();

        assertThat(ended.exitCode()).as(ended.err()).isEqualTo(ExitCodes.OK);
        assertThat(ended.out()).isEqualTo("Watching class 1010; Ctrl-C ends. Roll call open, 0 present." + NL
                + "08:00:00  present: 042191010  (1 present)" + NL
                + "08:00:00  message #1 from 7:" + NL
                + "      Chego em 5 minutos" + NL);
    }
}
