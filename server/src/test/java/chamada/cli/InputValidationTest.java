package chamada.cli;

import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is refused before connecting: the port here has no server, so reaching the
 * network would exit {@link ExitCodes#UNREACHABLE}, not {@link ExitCodes#USAGE}.
 */
class InputValidationTest {

    private final String port = Integer.toString(FreePort.closed());

    @Test
    void checkin_badMatricula_isUsageErrorNamingTheFieldInEnglish() {
        CliRunner.Result result = new CliRunner().run("--lang", "en", "student", "checkin", "12a", "1010", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("Invalid field matricula: \"12a\". Expected 1 to 20 digits");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void checkin_badMatricula_isUsageErrorNamingTheFieldInPortuguese() {
        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR)
                .run("student", "checkin", "12a", "1010", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("Campo matricula inválido: \"12a\". Esperado: de 1 a 20 dígitos");
    }

    @Test
    void checkin_badClass_isUsageErrorNamingTheFieldInBothLanguages() {
        CliRunner.Result en = new CliRunner().run("--lang", "en", "student", "checkin", "042191010", "0", "--port", port);
        CliRunner.Result pt = new CliRunner().run("--lang", "pt-BR", "student", "checkin", "042191010", "x", "--port", port);

        assertThat(en.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(en.err()).startsWith("Invalid field class: \"0\". Expected a whole number from 1 to 2147483647.");
        assertThat(pt.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pt.err()).startsWith("Campo class inválido: \"x\". Esperado: um número inteiro de 1 a 2147483647.");
    }

    @Test
    void teacherOpen_badClass_isUsageError() {
        CliRunner.Result result = new CliRunner().run("teacher", "open", "10a", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Invalid field class: \"10a\"").contains("See 'chamada teacher open --help'.");
    }

    @Test
    void teacherOpen_badName_isUsageErrorBeforeAskingTheSecret() {
        CliRunner runner = new CliRunner().secrets("never asked");
        CliRunner.Result result = runner.run("teacher", "open", "1010", "--name", "ana maria", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Invalid field name: \"ana maria\"");
        assertThat(result.prompts()).isEmpty();
    }

    @Test
    void teacherOpen_nameWithoutSecretOrTerminal_isUsageError() {
        CliRunner.Result result = new CliRunner().run("teacher", "open", "1010", "--name", "ana", "--port", port);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("No secret for teacher ana: give --secret, set CHAMADA_SECRET,"
                + " or run in a terminal to type it." + System.lineSeparator());
    }

    @Test
    void checkin_portOutOfRange_isUsageError() {
        CliRunner.Result result = new CliRunner().run("student", "checkin", "1", "2", "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Invalid value for option '--port'").contains("1 to 65535");
    }
}
