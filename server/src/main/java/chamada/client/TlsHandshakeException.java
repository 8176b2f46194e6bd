package chamada.client;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A TLS handshake with the server that failed, and why, told apart by what happened rather than
 * by the JDK's words: so that a person is told what to change (trust another certificate, use
 * another host name, leave out TLS) rather than "handshake failure".
 */
public final class TlsHandshakeException extends IOException {

    /** Why the handshake failed. */
    public enum Problem {
        /** The server's certificate chain leads to no certificate this client trusts. */
        UNTRUSTED,
        /** The certificate is trusted but names another host than the one connected to. */
        WRONG_HOST,
        /** The server answered in plain text: it does not speak TLS on this port. */
        NOT_TLS,
        /** Anything else: no TLS version or cipher in common, the server broke off; the cause says. */
        FAILED
    }

    private final Problem problem;
    /** Null unless the server showed one; kept as the serializable certificate, not an Optional. */
    private final X509Certificate certificate;

    TlsHandshakeException(Problem problem, Optional<X509Certificate> certificate, Throwable cause) {
        super("TLS handshake failed: " + problem, cause);
        this.problem = problem;
        this.certificate = certificate.orElse(null);
    }

    public Problem problem() {
        return problem;
    }

    /** The server's own certificate, for {@link Problem#UNTRUSTED} and {@link Problem#WRONG_HOST}. */
    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(certificate);
    }
}
