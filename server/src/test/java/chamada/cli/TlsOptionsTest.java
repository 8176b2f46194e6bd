package chamada.cli;

import chamada.client.ChamadaClient;
import chamada.client.ClientTls;
import chamada.client.ServerRefusedException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static chamada.testing.TestTls.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * {@code chamada server --tls-cert FILE --tls-key FILE}: HTTPS on the web port and TLS on the native
 * port (unless {@code --plain-native-port}), and every way the files can be wrong.
 */
class TlsOptionsTest {

    private static final String NL = System.lineSeparator();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern NATIVE = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+),");
    private static final Pattern HTTPS = Pattern.compile("Web pages and JSON API on 127\\.0\\.0\\.1:(\\d+)\\."
            + " Students open: https://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void server_withTlsAndTeachers_printsHttpsAddressesServesThePhonePageAndDoesNotWarn() throws Exception {
        CliRunner.Running server = new CliRunner().start(args("--teachers", teachers().toString(),
                "--tls-cert", file("rsa-cert.pem").toString(), "--tls-key", file("rsa-key.pem").toString()));
        await().atMost(TIMEOUT).until(() -> server.out().contains("Ctrl-C") || !server.err().isEmpty());
        Matcher found = HTTPS.matcher(server.out());
        assertThat(found.find()).as("start-up lines %s%s", server.out(), server.err()).isTrue();

        HttpResponse<String> page;
        try (HttpClient https = TestTls.client(TIMEOUT)) {
            page = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + found.group(2) + "/"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        }
        server.stop();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form");
        assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
        assertThat(server.result().out()).doesNotContain("Warning").doesNotContain("http://");
    }

    @Test
    void server_withTeachersWithoutTls_warnsThatPasswordsCrossTheNetworkInClear() throws IOException {
        CliRunner.Running server = new CliRunner().start(args("--teachers", teachers().toString()));
        await().atMost(TIMEOUT).until(() -> server.out().contains("Ctrl-C") || !server.err().isEmpty());
        server.stop();

        assertThat(server.result().out()).contains("Students open: http://127.0.0.1:").contains(NL
                + "Warning: the web pages and the JSON API speak plain HTTP, so teachers' passwords cross the network"
                + " in clear; use --tls-cert and --tls-key, or a reverse proxy with TLS in front of this server." + NL);
    }

    @Test
    void server_inPortugueseWithTeachersWithoutTls_warnsInPortuguese() throws IOException {
        CliRunner.Running server = new CliRunner().lang(Lang.PT_BR).start(args("--teachers", teachers().toString()));
        await().atMost(TIMEOUT).until(() -> server.out().contains("Ctrl-C") || !server.err().isEmpty());
        server.stop();

        assertThat(server.result().out()).contains(NL + "Aviso: as páginas web e a API JSON falam HTTP sem cifra,"
                + " então as senhas dos professores atravessam a rede às claras; use --tls-cert e --tls-key, ou um"
                + " proxy reverso com TLS na frente deste servidor." + NL);
    }

    /** Open mode has no passwords to protect; its own line says where the teacher's pages are, over HTTPS. */
    @Test
    void server_inOpenModeWithTls_pointsTheTeacherToHttpsOnThisMachine() {
        CliRunner.Running server = new CliRunner().start(args(
                "--tls-cert", file("ec-cert.pem").toString(), "--tls-key", file("ec-key.pem").toString()));
        await().atMost(TIMEOUT).until(() -> server.out().contains("Ctrl-C") || !server.err().isEmpty());
        server.stop();

        assertThat(server.result().out()).containsPattern("answer only on this machine \\(https://127\\.0\\.0\\.1:\\d+/teacher\\)")
                .doesNotContain("Warning");
    }

    @Test
    void server_tlsCertWithoutKey_isAUsageErrorNamingTheMissingOne() {
        CliRunner.Result result = new CliRunner().run(args("--tls-cert", file("rsa-cert.pem").toString()));

        assertRefused(result, ExitCodes.USAGE, "--tls-cert was given without --tls-key: give both (the certificate"
                + " chain and its private key, PEM files), or neither.");
    }

    @Test
    void server_tlsKeyWithoutCertInPortuguese_isAUsageErrorInPortuguese() {
        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).run(args("--tls-key", file("rsa-key.pem").toString()));

        assertRefused(result, ExitCodes.USAGE, "--tls-key foi dado sem --tls-cert: dê os dois (a cadeia de certificados"
                + " e a chave privada dela, arquivos PEM) ou nenhum.");
    }

    /** One certificate for the whole server: without the web front it still serves the native port's TLS. */
    @Test
    void server_tlsWithTheWebFrontOff_speaksTlsOnTheNativePortOnly() throws Exception {
        List<String> args = new ArrayList<>(List.of(args("--tls-cert", file("rsa-cert.pem").toString(),
                "--tls-key", file("rsa-key.pem").toString())));
        args.set(args.indexOf("--http-port") + 1, "off");
        CliRunner.Running server = new CliRunner().start(args.toArray(String[]::new));
        await().atMost(TIMEOUT).until(() -> server.out().contains("Ctrl-C") || !server.err().isEmpty());
        Matcher found = NATIVE.matcher(server.out());
        assertThat(found.find()).as("start-up lines %s%s", server.out(), server.err()).isTrue();
        int port = Integer.parseInt(found.group(1));

        Throwable plain = catchThrowable(() -> ChamadaClient.connect("127.0.0.1", port, Lang.EN, TIMEOUT).close());
        Response status;
        try (ChamadaClient tls = ChamadaClient.connect("127.0.0.1", port,
                Optional.of(ClientTls.trusting(file("rsa-cert.pem"))), Lang.EN, TIMEOUT)) {
            status = tls.status(new ClassId(1010));
        }
        server.stop();

        assertThat(plain).isInstanceOfSatisfying(ServerRefusedException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.TLS_REQUIRED));
        assertThat(status).isNotNull();
        assertThat(server.result().out()).contains(NL + "The native port speaks TLS only (1.3 and 1.2): clients connect"
                + " with --tls, or with --ca FILE for a certificate of the school's own." + NL);
    }

    @Test
    void server_plainNativePort_keepsTheNativePortInPlainTcp() throws Exception {
        CliRunner.Running server = new CliRunner().start(args("--tls-cert", file("rsa-cert.pem").toString(),
                "--tls-key", file("rsa-key.pem").toString(), "--plain-native-port"));
        await().atMost(TIMEOUT).until(() -> server.out().contains("Ctrl-C") || !server.err().isEmpty());
        Matcher found = NATIVE.matcher(server.out());
        assertThat(found.find()).as("start-up lines %s%s", server.out(), server.err()).isTrue();

        Response status;
        try (ChamadaClient plain = ChamadaClient.connect("127.0.0.1", Integer.parseInt(found.group(1)), Lang.EN,
                TIMEOUT)) {
            status = plain.status(new ClassId(1010));
        }
        server.stop();

        assertThat(status).isNotNull();
        assertThat(server.result().out()).contains("https://").doesNotContain("native port speaks TLS");
    }

    @Test
    void server_plainNativePortWithoutTls_isAUsageError() {
        assertRefused(new CliRunner().run(args("--plain-native-port")), ExitCodes.USAGE,
                "--plain-native-port is for a server with --tls-cert and --tls-key; without them every port is plain"
                        + " already.");
    }

    @Test
    void server_plainNativePortWithTheWebFrontOff_isAUsageErrorInPortuguese() {
        List<String> args = new ArrayList<>(List.of(args("--tls-cert", file("rsa-cert.pem").toString(),
                "--tls-key", file("rsa-key.pem").toString(), "--plain-native-port")));
        args.set(args.indexOf("--http-port") + 1, "off");

        assertRefused(new CliRunner().lang(Lang.PT_BR).run(args.toArray(String[]::new)), ExitCodes.USAGE,
                "--tls-cert e --tls-key não serviriam para nada: --http-port off desliga as páginas web, e"
                        + " --plain-native-port mantém a porta nativa em TCP sem cifra.");
    }

    @Test
    void server_pkcs1Key_isALocalFileErrorSayingHowToConvertIt() {
        Path key = file("rsa-key-pkcs1.pem");

        CliRunner.Result result = new CliRunner().run(args("--tls-cert", file("rsa-cert.pem").toString(),
                "--tls-key", key.toString()));

        assertRefused(result, ExitCodes.LOCAL_FILE, key + " holds the private key in OpenSSL's older form"
                + " (RSA PRIVATE KEY); convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in " + key
                + " -out key-pkcs8.pem");
    }

    @Test
    void server_encryptedKey_isALocalFileErrorSayingHowToDecryptIt() {
        Path key = file("rsa-key-encrypted.pem");

        CliRunner.Result result = new CliRunner().run(args("--tls-cert", file("rsa-cert.pem").toString(),
                "--tls-key", key.toString()));

        assertRefused(result, ExitCodes.LOCAL_FILE, key + " holds an encrypted private key, and the server cannot"
                + " ask for its passphrase; write it unencrypted, readable only by the server's user, with:"
                + " openssl pkcs8 -topk8 -nocrypt -in " + key + " -out key-pkcs8.pem");
    }

    @Test
    void server_keyOfAnotherCertificateInPortuguese_isALocalFileErrorNamingBothFiles() {
        Path certificate = file("rsa-cert.pem");
        Path key = file("chain-key.pem");

        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).run(args("--tls-cert", certificate.toString(),
                "--tls-key", key.toString()));

        assertRefused(result, ExitCodes.LOCAL_FILE, key + " não é a chave privada do primeiro certificado de "
                + certificate + " (o certificado do próprio servidor, que deve vir antes dos intermediários).");
    }

    @Test
    void server_certificateFileWithoutCertificate_isALocalFileErrorNamingIt() {
        Path certificate = file("rsa-key.pem");

        CliRunner.Result result = new CliRunner().run(args("--tls-cert", certificate.toString(),
                "--tls-key", file("rsa-key.pem").toString()));

        assertRefused(result, ExitCodes.LOCAL_FILE, certificate + " holds no PEM certificate"
                + " (-----BEGIN CERTIFICATE-----); --tls-cert takes the server's certificate, then any intermediate ones.");
    }

    @Test
    void server_missingCertificateFile_isALocalFileErrorNamingIt() {
        Path certificate = dir.resolve("missing-cert.pem");

        CliRunner.Result result = new CliRunner().run(args("--tls-cert", certificate.toString(),
                "--tls-key", file("rsa-key.pem").toString()));

        assertRefused(result, ExitCodes.LOCAL_FILE, "Could not read " + certificate + " (no such file or directory).");
    }

    /** The arguments of a server on free loopback ports, its database in the test's folder, then {@code more}. */
    private String[] args(String... more) {
        List<String> args = new ArrayList<>(List.of("server", "--bind", "127.0.0.1", "--port", "0",
                "--http-bind", "127.0.0.1", "--http-port", "0", "--db", dir.resolve("c.db").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private Path teachers() throws IOException {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        return teachers;
    }

    /** Refused with {@code exitCode} and one line, before anything started: no database was created. */
    private void assertRefused(CliRunner.Result result, int exitCode, String line) {
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.err()).isEqualTo(line + NL);
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("c.db")).doesNotExist();
    }
}
