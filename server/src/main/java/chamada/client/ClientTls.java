package chamada.client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a {@link ChamadaClient} speaks TLS to a native port that speaks it: the certificates it
 * trusts (the system's, or those of a PEM file, such as a school's own authority), TLS 1.3 and 1.2
 * only, and the server's certificate checked against the host name connected to, so that a
 * certificate for another name is refused. The JDK's TLS alone.
 *
 * <p>Immutable and thread-safe: one may serve any number of connections.
 */
public final class ClientTls {

    /** The versions spoken, as the server's; TLS 1.0 and 1.1 are deprecated (RFC 8996). */
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** The first byte of every TLS record is its content type, from 20 to 23 (RFC 8446 section 5.1). */
    private static final int FIRST_RECORD_TYPE = 20;
    private static final int LAST_RECORD_TYPE = 23;

    private final SSLContext context;

    private ClientTls(SSLContext context) {
        this.context = context;
    }

    /** Trusts what this system trusts: the JDK's certificate authorities, or those the JVM was told to use. */
    public static ClientTls systemTrust() {
        return trusting((KeyStore) null);
    }

    /**
     * Trusts the certificates of {@code file} (PEM, one or more {@code CERTIFICATE} blocks) and no others.
     *
     * @throws IOException          when the file cannot be read (a {@link java.nio.file.FileSystemException} names it)
     * @throws CertificateException when it holds no certificate, or one the JDK cannot read
     */
    public static ClientTls trusting(Path file) throws IOException, CertificateException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in " + file);
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int number = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + ++number, certificate);
            }
            return trusting(trusted);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's key store refused a certificate its factory read", e);
        }
    }

    private static ClientTls trusting(KeyStore trusted) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            X509ExtendedTrustManager jdk = Arrays.stream(factory.getTrustManagers())
                    .filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast)
                    .findFirst().orElseThrow(() -> new IllegalStateException("the JDK has no X.509 trust manager"));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new ServerCertificateCheck(jdk)}, null);
            return new ClientTls(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has TLS and an X.509 trust manager", e);
        }
    }

    /**
     * Speaks TLS over {@code tcp}, connected to {@code host}: the handshake is done before this
     * returns, so that its failure is the connection's.
     *
     * @throws TlsHandshakeException when the handshake fails, saying why
     * @throws IOException           when the connection fails otherwise (a timeout, a reset)
     */
    SSLSocket handshake(FirstByteSocket tcp, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        try {
            tls.startHandshake();
            return tls;
        } catch (SSLException e) {
            throw failure(e, tcp.firstByte());
        }
    }

    /** Why {@code failed}: a certificate refused (and which), a plain-text answer, or else the JDK's reason. */
    private static TlsHandshakeException failure(SSLException failed, OptionalInt firstByte) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerCertificateCheck.RefusedCertificate refused) {
                return new TlsHandshakeException(refused.problem(), Optional.of(refused.certificate()), failed);
            }
        }
        boolean plain = firstByte.isPresent()
                && (firstByte.getAsInt() < FIRST_RECORD_TYPE || firstByte.getAsInt() > LAST_RECORD_TYPE);
        return new TlsHandshakeException(plain ? TlsHandshakeException.Problem.NOT_TLS
                : TlsHandshakeException.Problem.FAILED, Optional.empty(), failed);
    }
}
