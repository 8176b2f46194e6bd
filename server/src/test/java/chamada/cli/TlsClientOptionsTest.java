package chamada.cli;

import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.net.TlsCertificate;
import chamada.testing.TestServer;
import chamada.testing.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static chamada.testing.TestTls.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teacher and student commands' {@code --tls} and {@code --ca FILE} against a server whose
 * native port speaks TLS (issue 15): served when the certificate is trusted, and otherwise one
 * line, in the user's language, saying what to change.
 */
class TlsClientOptionsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void openAndCheckIn_withCa_areServedOverTls() {
        startTls("rsa-cert.pem", "rsa-key.pem");
        String ca = file("rsa-cert.pem").toString();

        CliRunner.Result opened = run(Lang.EN, "teacher", "open", "1010", "--ca", ca);
        CliRunner.Result checkedIn = run(Lang.EN, "student", "--ca", ca, "checkin", "20240001", "1010");

        assertThat(opened.exitCode()).as(opened.err()).isEqualTo(ExitCodes.OK);
        assertThat(checkedIn.exitCode()).as(checkedIn.err()).isEqualTo(ExitCodes.OK);
        assertThat(checkedIn.out()).startsWith("Attendance registered in class 1010");
    }

    @Test
    void teacherLogin_withCa_isServedOverTls() {
        TlsCertificate certificate = TestTls.certificate("rsa-cert.pem", "rsa-key.pem");
        try (CliServer teachers = new CliServer(dir, config -> config.withTls(certificate))) {
            CliRunner.Result opened = teachers.teacher(Lang.EN, "open", "1010", "--ca", file("rsa-cert.pem").toString());

            assertThat(opened.exitCode()).as(opened.err()).isEqualTo(ExitCodes.OK);
            assertThat(opened.out()).startsWith("Roll call of class 1010 opened");
        }
    }

    @Test
    void ca_ofAnotherAuthority_isRefusedNamingTheIssuer_inEnglishAndPortuguese() {
        startTls("rsa-cert.pem", "rsa-key.pem");
        String ca = file("chain-root-cert.pem").toString();

        CliRunner.Result en = run(Lang.EN, "student", "checkin", "20240001", "1010", "--ca", ca);
        CliRunner.Result pt = run(Lang.PT_BR, "student", "checkin", "20240001", "1010", "--ca", ca);

        assertThat(en.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(en.err()).isEqualTo("The Chamada server at " + address() + " showed a certificate issued by"
                + " CN=localhost, which is not trusted here: give the certificate of that authority, or the server's"
                + " own, with --ca FILE." + NL);
        assertThat(pt.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(pt.err()).isEqualTo("O servidor Chamada em " + address() + " apresentou um certificado emitido por"
                + " CN=localhost, que não é confiável aqui: informe o certificado dessa autoridade, ou o do próprio"
                + " servidor, com --ca ARQUIVO." + NL);
    }

    /** The test certificates are self-signed: no authority of the system's vouches for them. */
    @Test
    void tls_withTheSystemsTrust_refusesASelfSignedCertificate() {
        startTls("rsa-cert.pem", "rsa-key.pem");

        CliRunner.Result result = run(Lang.EN, "student", "checkin", "20240001", "1010", "--tls");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).startsWith("The Chamada server at " + address() + " showed a certificate issued by");
    }

    @Test
    void certificate_forAnotherName_isRefusedNamingBoth() {
        startTls("other-cert.pem", "other-key.pem");

        CliRunner.Result result = run(Lang.EN, "student", "checkin", "20240001", "1010",
                "--ca", file("other-cert.pem").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).isEqualTo("The certificate of the Chamada server at " + address()
                + " is for other.example, not for 127.0.0.1: connect with a --host it names." + NL);
    }

    @Test
    void withoutTls_onATlsServer_printsTheServersOwnLine() {
        startTls("rsa-cert.pem", "rsa-key.pem");

        CliRunner.Result en = run(Lang.EN, "student", "checkin", "20240001", "1010");
        CliRunner.Result pt = run(Lang.PT_BR, "student", "checkin", "20240001", "1010");

        assertThat(en.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(en.err()).isEqualTo(ErrorCode.TLS_REQUIRED.format(Lang.EN) + NL);
        assertThat(pt.err()).isEqualTo(ErrorCode.TLS_REQUIRED.format(Lang.PT_BR) + NL);
    }

    @Test
    void tls_onAPlainServer_saysThePortDoesNotSpeakTls() {
        server = TestServer.start(dir);

        CliRunner.Result en = run(Lang.EN, "student", "checkin", "20240001", "1010", "--tls");
        CliRunner.Result pt = run(Lang.PT_BR, "student", "checkin", "20240001", "1010", "--ca",
                file("rsa-cert.pem").toString());

        assertThat(en.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(en.err()).isEqualTo("The Chamada server at " + address()
                + " does not speak TLS on this port: leave out --tls and --ca." + NL);
        assertThat(pt.err()).isEqualTo("O servidor Chamada em " + address() + " não fala TLS nesta porta: tire --tls"
                + " e --ca." + NL);
    }

    @Test
    void ca_missingFile_isALocalFileErrorNamingIt() {
        server = TestServer.start(dir);
        Path missing = dir.resolve("escola-ca.pem");

        CliRunner.Result result = run(Lang.EN, "student", "checkin", "20240001", "1010", "--ca", missing.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo("Could not read --ca " + missing + " (no such file or directory)." + NL);
    }

    /** A key is no certificate; checked before the teacher's secret is asked for. */
    @Test
    void ca_fileWithoutACertificate_isALocalFileError_inPortuguese() {
        server = TestServer.start(dir);
        Path key = file("rsa-key.pem");

        CliRunner.Result result = run(Lang.PT_BR, "teacher", "--name", "ana", "open", "1010", "--ca", key.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo("--ca " + key + " não contém certificado PEM legível"
                + " (-----BEGIN CERTIFICATE-----): --ca recebe o(s) certificado(s) em que confiar, como o da autoridade"
                + " da escola ou o do próprio servidor." + NL);
        assertThat(result.prompts()).isEmpty();
    }

    private void startTls(String certificate, String key) {
        TlsCertificate read = TestTls.certificate(certificate, key);
        server = TestServer.start(dir, config -> config.withTls(read));
    }

    private String address() {
        return "127.0.0.1:" + server.port();
    }

    /** {@code chamada ARGS... --port PORT}, in {@code lang}. */
    private CliRunner.Result run(Lang lang, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--port", Integer.toString(server.port())));
        return new CliRunner().lang(lang).run(all.toArray(String[]::new));
    }
}
