package chamada.cli;

import chamada.i18n.Lang;
import chamada.testing.MutableClock;
import chamada.testing.TestServer;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The classroom, on the command line: a roster of 30, class 1010 opened with
 * {@code --late-after 10}, 25 students in (the last three after ten minutes), and the close that
 * names the five absent. The server's clock is the test's, so "late" is exact.
 */
class LateAndAbsentCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T11:00:00Z"),
            ZoneId.of("America/Sao_Paulo"));
    private TestServer server;
    private String port;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, config -> config, clock);
        port = Integer.toString(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void classDefault_setThenTakenByAnOpenWithoutLateAfter_thenRemoved() {
        CliRunner.Result set = run(Lang.EN, "teacher", "defaults", "2020", "--late-after", "15");
        CliRunner.Result opened = run(Lang.EN, "teacher", "open", "2020", "--code-policy", "none");
        clock.advance(Duration.ofMinutes(20));
        CliRunner.Result late = run(Lang.EN, "student", "checkin", "7", "2020");
        CliRunner.Result removed = run(Lang.PT_BR, "teacher", "defaults", "2020", "--late-after", "off");
        CliRunner.Result bad = run(Lang.EN, "teacher", "defaults", "2020", "--late-after", "soon");

        assertThat(set.out()).isEqualTo("Class 2020: check-ins more than 15 minutes after the opening are late, unless"
                + " a roll call is opened with its own --late-after." + NL
                + "Class 2020 takes messages only with a matrícula." + NL);
        assertThat(opened.exitCode()).as(opened.err()).isEqualTo(ExitCodes.OK);
        assertThat(late.out()).containsIgnoringCase("late");
        assertThat(removed.out()).isEqualTo("A turma 2020 não tem atraso padrão: ninguém se atrasa, a não ser que a"
                + " chamada seja aberta com --late-after." + NL + "A turma 2020 só aceita mensagens com matrícula." + NL);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void rosterOf30_lateAfter10_25CheckIn_threeLate_closeNamesTheFiveAbsent() throws IOException {
        StringBuilder csv = new StringBuilder("matricula;nome\n");
        for (int i = 1; i <= 30; i++) {
            csv.append(String.format("2026%03d;Aluno %02d Souza%n", i, i));
        }
        Path roster = Files.writeString(dir.resolve("1010.csv"), csv);
        run(Lang.EN, "teacher", "roster", "import", "1010", roster.toString());

        CliRunner.Result opened = run(Lang.EN, "teacher", "open", "1010", "--code-policy", "none", "--late-after", "10");
        for (int i = 1; i <= 22; i++) {
            clock.advance(Duration.ofSeconds(20));
            run(Lang.EN, "student", "checkin", String.format("2026%03d", i), "1010");
        }
        clock.advance(Duration.ofMinutes(4));
        CliRunner.Result late = run(Lang.PT_BR, "student", "checkin", "2026023", "1010");
        run(Lang.EN, "student", "checkin", "2026024", "1010");
        run(Lang.EN, "student", "checkin", "2026025", "1010");
        CliRunner.Result again = run(Lang.EN, "student", "checkin", "2026023", "1010");
        CliRunner.Result closed = run(Lang.EN, "teacher", "close", "1010");
        Path reportCsv = dir.resolve("report.csv");
        Path workbook = dir.resolve("report.xlsx");
        CliRunner.Result report = run(Lang.EN, "teacher", "report", "1010", "--csv", reportCsv.toString(),
                "--xlsx", workbook.toString());
        CliRunner.Result strict = run(Lang.EN, "teacher", "report", "1010", "--late-counts-as", "absent",
                "--from", "2026-12-01", "--to", "2026-12-01");

        assertThat(opened.out()).isEqualTo("Roll call of class 1010 opened at 01/12/2026 08:00:00." + NL
                + "Check-ins after 08:10:00 (10 minutes after the opening) count as late." + NL);
        assertThat(late.out()).isEqualTo("Presença registrada na turma 1010 em 01/12/2026 08:11:20, com atraso." + NL);
        assertThat(again.out()).isEqualTo("You had already registered in class 1010 (at 01/12/2026 08:11:20, late)." + NL);
        List<String> lines = closed.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Roll call of class 1010 closed at 01/12/2026 08:11:20. Present (25):");
        assertThat(lines.get(1)).isEqualTo("   1. 2026001  08:00:20  Aluno 01 Souza");
        assertThat(lines.get(23)).isEqualTo("  23. 2026023  08:11:20 (late)  Aluno 23 Souza");
        assertThat(lines.stream().filter(line -> line.contains("(late)"))).hasSize(3);
        List<String> reported = report.out().lines().toList();
        assertThat(reported.getFirst()).isEqualTo("Attendance in class 1010, 1 roll call(s)."
                + " Rate = (present + late) / (roll calls - excused).");
        assertThat(reported.get(1)).matches(" +Matrícula +Name +Present +Late +Excused +Absent +Rate");
        assertThat(reported.get(2)).matches(" +2026001 +Aluno 01 Souza +1 +0 +0 +0 +100\\.0%");
        assertThat(reported.get(24)).matches(" +2026023 +Aluno 23 Souza +0 +1 +0 +0 +100\\.0%");
        assertThat(reported.get(31)).matches(" +2026030 +Aluno 30 Souza +0 +0 +0 +1 +0\\.0%");
        assertThat(reported.get(32)).matches(" +Total +22 +3 +0 +5 +83\\.3%");
        assertThat(Files.readAllLines(reportCsv)).startsWith("matricula,name,present,late,excused,absent,rate",
                "2026001,Aluno 01 Souza,1,0,0,0,1.0000").endsWith("\"\",total,22,3,0,5,0.8333");
        try (ReadableWorkbook read = new ReadableWorkbook(workbook.toFile())) {
            List<Row> rows = read.getFirstSheet().read();
            assertThat(rows).hasSize(32);
            assertThat(rows.getFirst().getCellAsString(6)).contains("rate");
            assertThat(rows.get(1).getCellAsString(0)).contains("2026001");
            assertThat(rows.get(1).getCellAsString(1)).contains("Aluno 01 Souza");
            assertThat(rows.get(30).getCellAsNumber(5)).contains(java.math.BigDecimal.ONE);
            assertThat(rows.get(31).getCellAsString(1)).contains("total");
            assertThat(rows.get(31).getCellAsNumber(2)).contains(java.math.BigDecimal.valueOf(22));
            assertThat(rows.get(31).getCellAsNumber(6).orElseThrow().doubleValue()).isCloseTo(25.0 / 30, within(1e-4));
        }
        CliRunner.Result backwards = run(Lang.EN, "teacher", "report", "1010", "--from", "2026-12-02", "--to", "2026-12-01");
        CliRunner.Result toTerminal = run(Lang.EN, "teacher", "report", "1010", "--xlsx", "-");
        assertThat(backwards.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(backwards.err()).contains("--from 2026-12-02 is after --to 2026-12-01");
        assertThat(toTerminal.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(strict.out().lines().toList().getFirst()).isEqualTo("Attendance in class 1010, 1 roll call(s)"
                + " from 01/12/2026 to 01/12/2026. Rate = (present + late) / (roll calls - excused); late counts as absent.");
        assertThat(strict.out().lines().toList().getLast()).matches(" +Total +22 +3 +0 +5 +73\\.3%");
        assertThat(lines.subList(26, lines.size())).containsExactly("Absent (5):",
                "  2026026  Aluno 26 Souza", "  2026027  Aluno 27 Souza", "  2026028  Aluno 28 Souza",
                "  2026029  Aluno 29 Souza", "  2026030  Aluno 30 Souza");
    }

    private CliRunner.Result run(Lang lang, String... args) {
        String[] withPort = Arrays.copyOf(args, args.length + 2);
        withPort[args.length] = "--port";
        withPort[args.length + 1] = port;
        return new CliRunner().lang(lang).run(withPort);
    }
}
