package chamada.cli;

import chamada.i18n.Lang;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chamada teacher roster} and a roster's effect on check-ins and closes, against a real server in open mode. */
class TeacherRosterCommandsTest {

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
    void import_excelFileOfTwoThousand_isSentInPartsAndListedByName() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFmatricula;nome\r\n");
        for (int i = 1; i <= 2_000; i++) {
            csv.append(String.format("%09d;Aluno Número %04d da Silva\r\n", i, 2_001 - i));
        }
        Path file = Files.writeString(dir.resolve("turma.csv"), csv, StandardCharsets.UTF_8);

        CliRunner.Result imported = run(Lang.PT_BR, "teacher", "roster", "import", "1010", file.toString());
        CliRunner.Result listed = run(Lang.EN, "teacher", "roster", "1010");

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(imported.out()).isEqualTo("Lista de alunos da turma 1010: 2000 alunos (2000 incluídos, 0 renomeados,"
                + " 0 retirados)." + NL);
        assertThat(listed.out().lines()).hasSize(2_001).startsWith("Roster of class 1010 (2000 students):",
                "  000002000  Aluno Número 0001 da Silva");
    }

    @Test
    void import_badLines_reportsEachAndImportsNothing_unlessSkipBad() throws IOException {
        Path file = Files.writeString(dir.resolve("turma.csv"), """
                matricula,name
                042191010,Ana Souza
                04219X,Bruno Lima
                7
                """);

        CliRunner.Result refused = run(Lang.EN, "teacher", "roster", "import", "1010", file.toString());
        CliRunner.Result listedAfterRefusal = run(Lang.EN, "teacher", "roster", "1010");
        CliRunner.Result skipped = run(Lang.EN, "teacher", "roster", "import", "1010", file.toString(), "--skip-bad");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(refused.err()).isEqualTo(file + " has 2 line(s) that cannot be read:" + NL
                + "  line 3: \"04219X\" is not a matrícula (1 to 20 digits)" + NL
                + "  line 4: no name on this line" + NL
                + "Nothing was imported. Fix the lines above, or add --skip-bad to import the other 1." + NL);
        assertThat(listedAfterRefusal.out()).isEqualTo("Class 1010 has no roster: any matrícula may check in." + NL);
        assertThat(skipped.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(skipped.out()).isEqualTo("Skipped 2 bad line(s) (--skip-bad)." + NL
                + "Roster of class 1010: 1 students (1 added, 0 renamed, 0 removed)." + NL);
    }

    @Test
    void rollCallOfAClassWithARoster_refusesOthersAndNamesThePresent() throws IOException {
        Path file = Files.writeString(dir.resolve("turma.csv"), "matricula,name\n042191010,Ana Souza\n7,Bruno Lima\n");
        run(Lang.EN, "teacher", "roster", "import", "1010", file.toString());

        run(Lang.EN, "teacher", "open", "1010");
        CliRunner.Result typo = run(Lang.PT_BR, "student", "checkin", "042191011", "1010");
        run(Lang.EN, "student", "checkin", "7", "1010");
        CliRunner.Result closed = run(Lang.EN, "teacher", "close", "1010");

        assertThat(typo.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(typo.err()).contains("a matrícula 042191011 não está na lista de alunos da turma 1010: confira o"
                + " número digitado ou fale com seu professor.");
        assertThat(closed.out()).matches("(?s).*Present \\(1\\):" + NL + "  1\\. 7  \\d\\d:\\d\\d:\\d\\d  Bruno Lima" + NL
                + "Absent \\(1\\):" + NL + "  042191010  Ana Souza" + NL);
    }

    @Test
    void openAcceptingUnknown_countsAMatriculaNotOnTheRosterAndSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("turma.csv"), "matricula,name\n7,Bruno Lima\n");
        run(Lang.EN, "teacher", "roster", "import", "1010", file.toString());

        run(Lang.EN, "teacher", "open", "1010", "--accept-unknown");
        CliRunner.Result visitor = run(Lang.EN, "student", "checkin", "99", "1010");
        CliRunner.Result status = run(Lang.PT_BR, "teacher", "status", "1010");

        assertThat(visitor.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).matches("(?s).*  1\\. 99  \\d\\d:\\d\\d:\\d\\d  \\(fora da lista de alunos\\)" + NL);
    }

    @Test
    void clear_removesTheRoster() throws IOException {
        Path file = Files.writeString(dir.resolve("turma.csv"), "matricula,name\n7,Bruno Lima\n");
        run(Lang.EN, "teacher", "roster", "import", "1010", file.toString());

        CliRunner.Result cleared = run(Lang.EN, "teacher", "roster", "clear", "1010");
        run(Lang.EN, "teacher", "open", "1010");

        assertThat(cleared.out()).isEqualTo("Class 1010 has no roster now: any matrícula may check in." + NL);
        assertThat(run(Lang.EN, "student", "checkin", "99", "1010").exitCode()).isEqualTo(ExitCodes.OK);
    }

    private CliRunner.Result run(Lang lang, String... args) {
        String[] withPort = Arrays.copyOf(args, args.length + 2);
        withPort[args.length] = "--port";
        withPort[args.length + 1] = port;
        return new CliRunner().lang(lang).run(withPort);
    }
}
