package chamada.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpAndVersionTest {

    @Test
    void help_top_listsSubcommandsOptionsAndExitCodes() {
        CliRunner.Result result = new CliRunner().run("--help");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Usage: chamada", "teacher", "student", "--lang", "--verbose", "--version")
                .contains("Exit codes")
                .containsPattern("\\s0\\s+success")
                .containsPattern("\\s3\\s+cannot reach the server")
                .containsPattern("\\s4\\s+a local file")
                .containsPattern("\\s6\\s+no JDK 21 or newer found \\(launcher\\)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void help_teacherSubcommand_showsInheritedOptions() {
        CliRunner.Result result = new CliRunner().run("teacher", "open", "--help");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Usage: chamada teacher open", "CLASS", "--host", "--port", "--name",
                "--secret", "--lang");
    }

    /** The README's promise about the CSV, kept in the help in both languages. */
    @Test
    void help_teacherExport_saysARollCallNobodyAttendedIsOneRowWithEmptyFields() {
        CliRunner.Result english = new CliRunner().run("--lang", "en", "teacher", "export", "--help");
        CliRunner.Result portuguese = new CliRunner().run("--lang", "pt-BR", "teacher", "export", "--help");

        assertThat(oneLine(english.out()))
                .contains("A roll call with nobody is one row with an empty matricula.");
        assertThat(oneLine(portuguese.out()))
                .contains("Uma chamada sem ninguém vira uma linha com matricula vazia.");
    }

    private static String oneLine(String help) {
        return help.replaceAll("\\s+", " ");
    }

    @Test
    void version_runFromClasses_isDev() {
        CliRunner.Result result = new CliRunner().run("--version");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("chamada dev" + System.lineSeparator()).contains("Java ");
    }

    @Test
    void run_noArguments_printsUsageOnStderrAndExitsUsage() {
        CliRunner.Result result = new CliRunner().run();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Usage: chamada");
    }

    @Test
    void run_unknownOption_isUsageErrorWithAShortHint() {
        CliRunner.Result result = new CliRunner().run("student", "checkin", "--bogus", "1", "2");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option: '--bogus'")
                .contains("See 'chamada student checkin --help'.")
                .doesNotContain("Usage:");
    }

    @Test
    void run_usageHint_followsLang() {
        CliRunner.Result result = new CliRunner().run("--lang", "pt-BR", "student", "checkin", "1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required parameter").contains("Veja 'chamada student checkin --help'.");
    }

    @Test
    void lang_unknown_isUsageErrorSayingBothLanguages() {
        CliRunner.Result result = new CliRunner().run("--lang", "fr", "student", "checkin", "1", "2");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("pt-BR or en").contains("pt-BR ou en").contains("\"fr\"");
    }
}
