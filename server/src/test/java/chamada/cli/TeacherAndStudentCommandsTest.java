package chamada.cli;

import chamada.application.Application;
import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-shot teacher and student commands against a real server in open mode. */
class TeacherAndStudentCommandsTest {

    private static final String TIME = "\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d";
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private TestServer server;
    private String port;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        port = Integer.toString(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openCheckInClose_printsTheNumberedListOfMatriculas() {
        CliRunner.Result opened = run(Lang.PT_BR, "teacher", "open", "1010");
        CliRunner.Result first = run(Lang.PT_BR, "student", "checkin", "042191010", "1010");
        CliRunner.Result second = run(Lang.PT_BR, "student", "checkin", "7", "1010");
        CliRunner.Result again = run(Lang.PT_BR, "student", "checkin", "042191010", "1010");
        CliRunner.Result closed = run(Lang.PT_BR, "teacher", "close", "1010");

        assertThat(opened.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(opened.out()).matches("Chamada da turma 1010 aberta em " + TIME + "\\." + NL);
        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).matches("Presença registrada na turma 1010 em " + TIME + "\\." + NL);
        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).matches("Você já registrou presença na turma 1010 \\(em " + TIME + "\\)\\." + NL);
        assertThat(closed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(closed.out()).matches("Chamada da turma 1010 encerrada em " + TIME + "\\. Presentes \\(2\\):" + NL
                + "  1\\. 042191010  \\d\\d:\\d\\d:\\d\\d" + NL
                + "  2\\. 7          \\d\\d:\\d\\d:\\d\\d" + NL);
        assertThat(closed.err()).isEmpty();
    }

    @Test
    void checkIn_classNotOpen_isRefusedAsClassZeroWithExitOne() {
        CliRunner.Result pt = run(Lang.PT_BR, "student", "checkin", "042191010", "1010");
        CliRunner.Result en = run(Lang.EN, "student", "checkin", "042191010", "1010");

        assertThat(pt.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(pt.out()).isEmpty();
        assertThat(pt.err()).matches("Turma 0: a chamada da turma 1010 não está aberta\\. Recusado em " + TIME + "\\." + NL);
        assertThat(en.err()).matches("Class 0: the roll call of class 1010 is not open\\. Refused at " + TIME + "\\." + NL);
    }

    @Test
    void open_alreadyOpen_printsTheServersMessageInTheChosenLanguage() {
        run(Lang.EN, "teacher", "open", "1010");

        CliRunner.Result pt = run(Lang.PT_BR, "teacher", "open", "1010");
        CliRunner.Result en = run(Lang.EN, "teacher", "open", "1010");

        assertThat(pt.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(pt.err()).matches("A chamada da turma 1010 já está aberta \\(desde " + TIME + "\\)\\." + NL);
        assertThat(en.err()).matches("The roll call of class 1010 is already open \\(since " + TIME + "\\)\\." + NL);
    }

    @Test
    void status_listsWhoIsPresentSoFar() {
        run(Lang.EN, "teacher", "open", "1010");
        run(Lang.EN, "student", "checkin", "042191010", "1010");

        CliRunner.Result status = run(Lang.EN, "teacher", "status", "1010");

        assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).matches("Roll call of class 1010 open since " + TIME + "\\. Present so far \\(1\\):" + NL
                + "  1\\. 042191010  \\d\\d:\\d\\d:\\d\\d" + NL);
    }

    @Test
    void export_withSemicolonsAndAByteOrderMark_writesWhatExcelInPortugueseOpensInColumns() throws IOException {
        run(Lang.PT_BR, "teacher", "open", "1010");
        run(Lang.PT_BR, "student", "checkin", "042191010", "1010");
        run(Lang.PT_BR, "teacher", "close", "1010");
        Path csv = dir.resolve("excel.csv");

        CliRunner.Result export = run(Lang.PT_BR, "teacher", "export", "1010", "--csv", csv.toString(),
                "--csv-separator", ";", "--bom");
        CliRunner.Result wrong = run(Lang.PT_BR, "teacher", "export", "1010", "--csv", csv.toString(),
                "--csv-separator", "|");

        assertThat(export.exitCode()).isEqualTo(ExitCodes.OK);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"))
                .startsWith("roll_call;class;opened_at;closed_at;matricula;name;checked_in_at;status;late_minutes").hasSize(2);
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).isEqualTo("--csv-separator | não é um separador: escreva , ou ; (entre aspas no shell:"
                + " ';')." + NL);
    }

    @Test
    void history_saysWhichRollCallTheServerClosedByItself() {
        run(Lang.EN, "teacher", "open", "1010");
        // As the server does once the roll call has been open --auto-close-after minutes.
        Application application = server.server().application();
        application.handle(application.reservedSession(TeacherName.SERVER, Lang.EN, InetAddress.getLoopbackAddress()),
                new Request.Close(new ClassId(1010))).join();

        CliRunner.Result history = run(Lang.EN, "teacher", "history", "1010");

        assertThat(history.out()).matches("Closed roll calls of class 1010 \\(1\\):" + NL
                + "  1\\. " + TIME + " to " + TIME + ": 0 present \\(roll call 1\\) \\(closed by the server: nobody closed it within"
                + " --auto-close-after\\)" + NL);
    }

    @Test
    void historyAndExport_showTheClosedRollCalls() throws IOException {
        run(Lang.EN, "teacher", "open", "1010");
        run(Lang.EN, "student", "checkin", "042191010", "1010");
        run(Lang.EN, "student", "checkin", "7", "1010");
        run(Lang.EN, "teacher", "close", "1010");
        run(Lang.EN, "teacher", "open", "1010");
        run(Lang.EN, "teacher", "close", "1010");
        Path csv = dir.resolve("out.csv");

        CliRunner.Result history = run(Lang.EN, "teacher", "history", "1010");
        CliRunner.Result export = run(Lang.EN, "teacher", "export", "1010", "--csv", csv.toString());

        assertThat(history.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(history.out()).matches("Closed roll calls of class 1010 \\(2\\):" + NL
                + "  1\\. " + TIME + " to " + TIME + ": 2 present \\(roll call 1\\)" + NL
                + "  2\\. " + TIME + " to " + TIME + ": 0 present \\(roll call 2\\)" + NL);
        assertThat(export.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(export.out()).isEqualTo("Exported 2 roll call(s) of class 1010, 2 check-in(s), to " + csv + "." + NL);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo("roll_call,class,opened_at,closed_at,matricula,name,checked_in_at,status,late_minutes");
        assertThat(rows.get(1)).matches("1,1010,[^,]+T[^,]+,[^,]+T[^,]+,042191010,,[^,]+T[^,]+,present,");
        assertThat(rows.get(2)).matches("1,1010,[^,]+,[^,]+,7,,[^,]+,present,");
        assertThat(rows.get(3)).matches("2,1010,[^,]+T[^,]+,[^,]+T[^,]+,,,,,");
    }

    @Test
    void export_fileCannotBeWritten_isLocalFileProblem() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");

        CliRunner.Result export = run(Lang.EN, "teacher", "export", "1010", "--csv",
                notADirectory.resolve("out.csv").toString());

        assertThat(export.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(export.err()).startsWith("Could not write " + notADirectory.resolve("out.csv") + " (");
        assertThat(export.err().lines()).hasSize(1);
    }

    @Test
    void interactiveTeacher_sameNumberClosesWhatIsOpenAndOpensWhatIsNot() {
        try (ChamadaClient client = server.client()) {
            client.open(new ClassId(1010));
            client.checkIn(new Matricula("042191010"), new ClassId(1010));
        }

        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR)
                .input("1010", "status 1010", "2020", "status 2020", "x y z", "abc", "0", "sair")
                .run("teacher", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains("Olá, professor(a)!", "Servidor: 127.0.0.1:" + port, "Professor: (sem login)")
                .containsPattern("Chamada da turma 1010 encerrada em " + TIME + "\\. Presentes \\(1\\):" + NL
                        + "  1\\. 042191010  ")
                .containsPattern("Chamada da turma 2020 aberta em " + TIME)
                .containsPattern("Chamada da turma 2020 aberta desde " + TIME + "\\. Presentes até agora \\(0\\):" + NL
                        + "  \\(ninguém\\)")
                .contains("Atenção: a chamada da(s) turma(s) 2020 continua aberta no servidor.")
                .endsWith("Até logo!" + NL);
        assertThat(result.err())
                .contains("A chamada da turma 1010 não está aberta.")
                .contains("Não entendi \"x y z\". Digite ajuda para ver os comandos.")
                .contains("Não entendi \"abc\".")
                .contains("Campo class inválido: \"0\".");
    }

    @Test
    void interactiveStudent_asksAgainAndAgainAndOffersTheLastClass() {
        try (ChamadaClient client = server.client()) {
            client.open(new ClassId(1010));
        }

        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR)
                .input("042191010", "1010", "042191011", "", "12a", "7", "x", "999", "042191010", "", "")
                .run("student", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains("Olá, aluno(a)!")
                .containsPattern("Presença registrada na turma 1010 em " + TIME + "\\." + NL
                        + "Matrícula: Número da turma \\[Enter = 1010\\]: Presença registrada na turma 1010")
                .containsPattern("Você já registrou presença na turma 1010 \\(em " + TIME + "\\)");
        assertThat(result.err())
                .contains("Campo matricula inválido: \"12a\"")
                .contains("Campo class inválido: \"x\"")
                .containsPattern("Turma 0: a chamada da turma 999 não está aberta\\. Recusado em " + TIME);
        try (ChamadaClient client = server.client()) {
            assertThat(client.status(new ClassId(1010))).asString().contains("042191010", "042191011").doesNotContain("=7,");
        }
    }

    private CliRunner.Result run(Lang lang, String... args) {
        String[] withPort = java.util.Arrays.copyOf(args, args.length + 2);
        withPort[args.length] = "--port";
        withPort[args.length + 1] = port;
        return new CliRunner().lang(lang).run(withPort);
    }
}
