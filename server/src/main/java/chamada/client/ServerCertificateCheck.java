package chamada.client;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The JDK's check of a server's certificate, done in two steps so that a refusal says which failed:
 * first the chain alone (does it lead to a trusted certificate?), then the chain with the host name
 * the client connected to (endpoint identification, RFC 2818 and RFC 6125, which the client's TLS
 * socket asks for). A refusal is a {@link RefusedCertificate}, which the JDK keeps as the cause of
 * its handshake exception.
 *
 * <p>The second step checks the chain again, with the handshake's own algorithm constraints as
 * well as the host; a chain refused only by those constraints would be reported as the wrong host.
 * The JDK's default constraints are checked in the first step, so that case is far-fetched.
 */
final class ServerCertificateCheck extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager trusted;

    ServerCertificateCheck(X509ExtendedTrustManager trusted) {
        this.trusted = trusted;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, authType, () -> trusted.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, () -> trusted.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkChain(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        trusted.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trusted.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trusted.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trusted.getAcceptedIssuers();
    }

    /** The chain alone, then {@code withHost}: the JDK's whole check, the host name included. */
    private void check(X509Certificate[] chain, String authType, JdkCheck withHost) throws CertificateException {
        checkChain(chain, authType);
        try {
            withHost.run();
        } catch (CertificateException e) {
            throw new RefusedCertificate(TlsHandshakeException.Problem.WRONG_HOST, chain[0], e);
        }
    }

    /** One of the JDK trust manager's checks. */
    @FunctionalInterface
    private interface JdkCheck {
        void run() throws CertificateException;
    }

    /** The chain alone, without the host name. */
    private void checkChain(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            trusted.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new RefusedCertificate(TlsHandshakeException.Problem.UNTRUSTED, chain[0], e);
        }
    }

    /** A server certificate refused, and why. */
    static final class RefusedCertificate extends CertificateException {

        private final TlsHandshakeException.Problem problem;
        private final X509Certificate certificate;

        RefusedCertificate(TlsHandshakeException.Problem problem, X509Certificate certificate, Throwable cause) {
            super(problem + ": " + cause.getMessage(), cause);
            this.problem = problem;
            this.certificate = certificate;
        }

        TlsHandshakeException.Problem problem() {
            return problem;
        }

        X509Certificate certificate() {
            return certificate;
        }
    }
}
