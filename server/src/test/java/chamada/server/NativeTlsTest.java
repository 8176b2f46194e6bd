package chamada.server;

import chamada.client.ChamadaClient;
import chamada.client.ClientTls;
import chamada.client.ServerRefusedException;
import chamada.client.TlsHandshakeException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.net.TlsCertificate;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.Network;
import chamada.testing.CapturedLog;
import chamada.testing.ProxyHeaders;
import chamada.testing.TestServer;
import chamada.testing.TestTls;
import io.netty.channel.DefaultChannelPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;

import static chamada.testing.Replies.as;
import static chamada.testing.TestTls.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * TLS on the native port (issue 15): the server's certificate ({@code --tls-cert}) makes the port
 * speak TLS 1.3 and 1.2 only, through the one client library; a plain client, an old protocol, an
 * untrusted certificate or one for another name are each refused with a reason, and the server
 * goes on serving the others.
 */
class NativeTlsTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final Duration QUICK = Duration.ofSeconds(5);
    /** Where a connection's failures are logged; package-private, so named. */
    private static final Class<?> NATIVE_CONNECTION = nativeConnection();

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
    void checkIn_overTls_roundTripsThroughTheClient() throws Exception {
        start("rsa-cert.pem", "rsa-key.pem");

        try (ChamadaClient teacher = client(trusting("rsa-cert.pem"));
             ChamadaClient student = client(trusting("rsa-cert.pem"))) {
            as(teacher.open(CLASS), Response.Opened.class);
            Response.CheckedIn checkedIn = as(student.checkIn(new Matricula("20240001"), CLASS), Response.CheckedIn.class);

            assertThat(checkedIn.classId()).isEqualTo(CLASS.value());
        }
    }

    /** A chain whose root the client trusts: the server sends its intermediate too. */
    @Test
    void connect_trustingTheRootOfTheServersChain_isServed() throws Exception {
        start("chain-cert.pem", "chain-key.pem");

        try (ChamadaClient client = client(trusting("chain-root-cert.pem"))) {
            assertThat(client.status(CLASS)).isNotNull();
        }
    }

    /**
     * The JDK disables TLS 1.0 and 1.1 for its own clients, so a JDK client could not even offer them:
     * the test sends a TLS 1.1 or 1.0 ClientHello by hand, as an old client would, and the server
     * must answer with a fatal protocol_version alert, not a ServerHello.
     */
    @ParameterizedTest
    @ValueSource(ints = {0x0302, 0x0301})
    void handshake_offeringOnlyTls11Or10_isRefusedWithAProtocolVersionAlert(int version) throws Exception {
        start("rsa-cert.pem", "rsa-key.pem");

        byte[] answer;
        try (Socket old = new Socket()) {
            old.connect(new InetSocketAddress("127.0.0.1", server.port()));
            old.setSoTimeout((int) QUICK.toMillis());
            old.getOutputStream().write(clientHello(version));
            answer = old.getInputStream().readAllBytes();
        }

        assertThat(answer).as("an alert record: content type 21, fatal (2), protocol_version (70)").hasSize(7);
        assertThat(answer[0]).isEqualTo((byte) 21);
        assertThat(answer[5]).isEqualTo((byte) 2);
        assertThat(answer[6]).isEqualTo((byte) 70);
        try (ChamadaClient client = client(trusting("rsa-cert.pem"))) {
            assertThat(client.status(CLASS)).as("the server still serves").isNotNull();
        }
    }

    @Test
    void materials_overTls_goThereAndBackWithTheirSha256_andResumeFromAnOffset() throws Exception {
        start("rsa-cert.pem", "rsa-key.pem");
        byte[] bytes = new byte[3 << 20];
        new Random(15).nextBytes(bytes);
        MaterialName name = new MaterialName("aula.pdf");

        try (ChamadaClient teacher = client(trusting("rsa-cert.pem"))) {
            Response.Uploaded uploaded = as(teacher.upload(CLASS, name, bytes.length, sha256(bytes),
                    new ByteArrayInputStream(bytes), sent -> { }), Response.Uploaded.class);
            assertThat(uploaded.material().sha256()).isEqualTo(sha256(bytes));

            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            as(teacher.download(CLASS, new MaterialChoice.ByName(name), 0, whole), Response.Download.class);
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            int offset = 1_234_567;
            Response.Download resumed = as(teacher.download(CLASS, new MaterialChoice.ByNumber(1), offset, rest),
                    Response.Download.class);

            assertThat(sha256(whole.toByteArray())).isEqualTo(sha256(bytes));
            assertThat(resumed.length()).isEqualTo(bytes.length - offset);
            assertThat(sha256(rest.toByteArray())).isEqualTo(sha256(Arrays.copyOfRange(bytes, offset, bytes.length)));
            assertThat(teacher.status(CLASS)).as("the connection answers after its downloads").isNotNull();
        }
    }

    @Test
    void plainClient_onTheTlsPort_isToldInItsLanguage_andTheServerGoesOnServing() throws Exception {
        start("rsa-cert.pem", "rsa-key.pem");

        try (CapturedLog connections = CapturedLog.of(NATIVE_CONNECTION);
             CapturedLog pipelines = CapturedLog.of(DefaultChannelPipeline.class)) {
            ServerRefusedException english = catchThrowableOfType(ServerRefusedException.class, () ->
                    ChamadaClient.connect("127.0.0.1", server.port(), Lang.EN, QUICK));
            ServerRefusedException portuguese = catchThrowableOfType(ServerRefusedException.class, () ->
                    ChamadaClient.connect("127.0.0.1", server.port(), Lang.PT_BR, QUICK));

            assertThat(english.code()).isEqualTo(ErrorCode.TLS_REQUIRED);
            assertThat(english.getMessage()).isEqualTo(ErrorCode.TLS_REQUIRED.format(Lang.EN));
            assertThat(portuguese.getMessage()).isEqualTo(ErrorCode.TLS_REQUIRED.format(Lang.PT_BR));
            try (ChamadaClient client = client(trusting("rsa-cert.pem"))) {
                assertThat(client.status(CLASS)).isNotNull();
            }
            assertThat(connections.lines()).noneMatch(NativeTlsTest::errorOrWarning);
            assertThat(pipelines.lines()).noneMatch(NativeTlsTest::errorOrWarning);
        }
    }

    /** Neither a silent client nor a handshake left half-way holds a connection past the handshake timeout. */
    @Test
    void silentClient_andHandshakeLeftHalfWay_areClosedAfterTheHandshakeTimeout() throws Exception {
        start("rsa-cert.pem", "rsa-key.pem");

        try (Socket silent = new Socket(); Socket halfWay = new Socket()) {
            silent.connect(new InetSocketAddress("127.0.0.1", server.port()));
            halfWay.connect(new InetSocketAddress("127.0.0.1", server.port()));
            halfWay.getOutputStream().write(Arrays.copyOf(clientHello(0x0303), 20)); // a hello's first bytes only
            for (Socket client : List.of(silent, halfWay)) {
                client.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
                assertThat(client.getInputStream().readAllBytes()).as("closed without a reply").isEmpty();
            }
        }
        try (ChamadaClient client = client(trusting("rsa-cert.pem"))) {
            assertThat(client.status(CLASS)).isNotNull();
        }
    }

    @Test
    void tlsClient_onAPlainPort_isToldAtOnceThatThePortDoesNotSpeakTls() {
        server = TestServer.start(dir);

        TlsHandshakeException failed = handshakeFailure(trusting("rsa-cert.pem"));

        assertThat(failed.problem()).isEqualTo(TlsHandshakeException.Problem.NOT_TLS);
        try (ChamadaClient client = server.client()) {
            assertThat(client.status(CLASS)).as("the plain port still serves").isNotNull();
        }
    }

    @Test
    void certificate_signedByAnotherAuthority_isRefusedAsUntrusted_andTheServerLogsNoError() throws Exception {
        start("rsa-cert.pem", "rsa-key.pem");

        try (CapturedLog connections = CapturedLog.of(NATIVE_CONNECTION);
             CapturedLog pipelines = CapturedLog.of(DefaultChannelPipeline.class)) {
            TlsHandshakeException failed = handshakeFailure(trusting("chain-root-cert.pem"));

            assertThat(failed.problem()).isEqualTo(TlsHandshakeException.Problem.UNTRUSTED);
            assertThat(failed.certificate()).hasValueSatisfying(certificate ->
                    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost"));
            try (ChamadaClient client = client(trusting("rsa-cert.pem"))) {
                assertThat(client.status(CLASS)).isNotNull();
            }
            assertThat(connections.lines()).noneMatch(NativeTlsTest::errorOrWarning);
            assertThat(pipelines.lines()).noneMatch(NativeTlsTest::errorOrWarning);
        }
    }

    /** A self-signed certificate is no authority of the system's. */
    @Test
    void selfSignedCertificate_withTheSystemsTrust_isRefusedAsUntrusted() {
        start("rsa-cert.pem", "rsa-key.pem");

        assertThat(handshakeFailure(ClientTls.systemTrust()).problem()).isEqualTo(TlsHandshakeException.Problem.UNTRUSTED);
    }

    @Test
    void certificate_forAnotherHostName_isRefusedAsTheWrongHost() {
        start("other-cert.pem", "other-key.pem");

        TlsHandshakeException failed = handshakeFailure(trusting("other-cert.pem"));

        assertThat(failed.problem()).isEqualTo(TlsHandshakeException.Problem.WRONG_HOST);
    }

    /** A load balancer sends its PROXY header in clear, then the client's TLS follows. */
    @Test
    void proxyHeader_thenTls_isServed() throws Exception {
        start("rsa-cert.pem", "rsa-key.pem", config -> config.withTrustedProxies(List.of(Network.parse("127.0.0.1/32"))));

        try (Socket balancer = new Socket()) {
            balancer.connect(new InetSocketAddress("127.0.0.1", server.port()));
            balancer.setSoTimeout((int) QUICK.toMillis());
            balancer.getOutputStream().write(ProxyHeaders.v1("10.1.2.3"));
            SSLSocket tls = (SSLSocket) TestTls.trustingTestCertificates().getSocketFactory()
                    .createSocket(balancer, "127.0.0.1", server.port(), false);
            tls.getOutputStream().write("{\"op\":\"hello\"}\n".getBytes(StandardCharsets.UTF_8));
            tls.getOutputStream().flush();

            assertThat(readLine(tls.getInputStream())).startsWith("{\"ok\":true");
        }
    }

    private void start(String certificate, String key) {
        start(certificate, key, UnaryOperator.identity());
    }

    private void start(String certificate, String key, UnaryOperator<ServerConfig> more) {
        TlsCertificate read = TestTls.certificate(certificate, key);
        server = TestServer.start(dir, config -> more.apply(config.withTls(read)));
    }

    private ChamadaClient client(ClientTls tls) {
        return ChamadaClient.connect("127.0.0.1", server.port(), Optional.of(tls), Lang.EN, TestServer.CLIENT_TIMEOUT);
    }

    /** The reason a TLS connection fails, which it must, within a few seconds. */
    private TlsHandshakeException handshakeFailure(ClientTls tls) {
        UncheckedIOException failed = catchThrowableOfType(UncheckedIOException.class, () ->
                ChamadaClient.connect("127.0.0.1", server.port(), Optional.of(tls), Lang.EN, QUICK));
        assertThat(failed).as("the connection fails").isNotNull();
        assertThat(failed.getCause()).isInstanceOf(TlsHandshakeException.class);
        return (TlsHandshakeException) failed.getCause();
    }

    private static ClientTls trusting(String certificate) {
        try {
            return ClientTls.trusting(file(certificate));
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A ClientHello offering {@code version} only (TLS 1.1 is 0x0302, 1.0 is 0x0301), RFC 4346
     * section 7.4.1.2: two CBC suites of that era, no compression, no extensions.
     */
    private static byte[] clientHello(int version) {
        byte[] random = new byte[32];
        new Random(version).nextBytes(random);
        ByteBuffer body = ByteBuffer.allocate(43);
        body.putShort((short) version).put(random).put((byte) 0);
        body.putShort((short) 4).putShort((short) 0xc013).putShort((short) 0x002f);
        body.put((byte) 1).put((byte) 0);
        ByteBuffer record = ByteBuffer.allocate(5 + 4 + body.capacity());
        record.put((byte) 22).putShort((short) 0x0301).putShort((short) (4 + body.capacity()));
        record.put((byte) 1).put((byte) 0).putShort((short) body.capacity()).put(body.array());
        return record.array();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed before the end of the line: " + line);
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static boolean errorOrWarning(String line) {
        return line.startsWith("ERROR") || line.startsWith("WARN");
    }

    private static Class<?> nativeConnection() {
        try {
            return Class.forName("chamada.server.nativeport.NativeConnection");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
