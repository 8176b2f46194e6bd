package chamada.testing;

import chamada.net.TlsCertificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * The test-only certificates and keys of {@code src/test/resources/tls/} (its README says how
 * they were made; they protect nothing), and HTTPS clients that trust them and nothing else.
 */
public final class TestTls {

    /** Certificates a test client trusts: the two self-signed ones and the root of the chain. */
    private static final String[] TRUSTED = {"rsa-cert.pem", "ec-cert.pem", "chain-root-cert.pem"};

    private TestTls() {
    }

    /** The file {@code name} of the test TLS folder, such as {@code rsa-key.pem}. */
    public static Path file(String name) {
        URL url = Objects.requireNonNull(TestTls.class.getResource("/tls/" + name), () -> "no test TLS file " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server identity of the test files {@code certificate} and {@code key}, such as {@code rsa-cert.pem}. */
    public static TlsCertificate certificate(String certificate, String key) {
        try {
            return TlsCertificate.read(file(certificate), file(key));
        } catch (IOException e) {
            throw new IllegalStateException("The test TLS files " + certificate + " and " + key + " cannot be read", e);
        }
    }

    /** A TLS context that trusts the test certificates only, as a phone would trust the school's. */
    public static SSLContext trustingTestCertificates() {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String name : TRUSTED) {
                try (InputStream in = Files.newInputStream(file(name))) {
                    Certificate certificate = factory.generateCertificate(in);
                    trusted.setCertificateEntry(name, certificate);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The test certificates could not be trusted", e);
        }
    }

    /** An HTTP/1.1 client that trusts the test certificates, follows no redirects, keeps no cookies. */
    public static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(trustingTestCertificates())
                .build();
    }
}
