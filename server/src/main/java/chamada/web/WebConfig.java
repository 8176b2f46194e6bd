package chamada.web;

import chamada.i18n.Lang;
import chamada.net.TlsCertificate;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the web front is started with, checked once at start-up with messages that name
 * the option and its limits ({@link WebLimit}).
 *
 * @param bind                     address to listen on
 * @param port                     TCP port; 0 picks a free one (tests)
 * @param maxHeaderBytes           longest request line plus headers accepted (431 past it)
 * @param maxBodyBytes             largest request body accepted (413 past it)
 * @param idleTimeout              a connection that sends nothing for this long is closed
 * @param maxConnectionsPerAddress connections one client address may hold at once; more are closed on arrival
 * @param lang                     language of pages for a browser that asks for neither English nor Portuguese
 * @param certificate              the certificate and key to serve HTTPS with on {@code port}; empty: plain HTTP
 */
public record WebConfig(InetAddress bind, int port, int maxHeaderBytes, long maxBodyBytes, Duration idleTimeout,
                        int maxConnectionsPerAddress, Lang lang, Optional<TlsCertificate> certificate) {

    public static final int DEFAULT_PORT = 8080;
    /** Jetty's own default, ample for a browser's headers and a session cookie. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1_024;
    /** The pages' forms are a few short fields; uploads will get their own, larger limit. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1_024;
    /** Long enough for a phone between two taps, short enough that idle sockets do not pile up. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 1_000;

    public WebConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(certificate, "certificate");
        check(WebLimit.PORT, port, "");
        check(WebLimit.MAX_HEADER_BYTES, maxHeaderBytes, " bytes");
        check(WebLimit.MAX_BODY_BYTES, maxBodyBytes, " bytes");
        // Checked in milliseconds, so that 1.5 s is not mistaken for the allowed 1 s.
        if (idleTimeout.compareTo(Duration.ofSeconds(WebLimit.IDLE_TIMEOUT_SECONDS.min())) < 0
                || idleTimeout.compareTo(Duration.ofSeconds(WebLimit.IDLE_TIMEOUT_SECONDS.max())) > 0) {
            String seconds = BigDecimal.valueOf(idleTimeout.toMillis(), 3).stripTrailingZeros().toPlainString();
            throw new IllegalArgumentException(WebLimit.IDLE_TIMEOUT_SECONDS.refusal(seconds, " s"));
        }
        check(WebLimit.MAX_CONNECTIONS_PER_ADDRESS, maxConnectionsPerAddress, "");
    }

    /** A config for plain HTTP, without TLS. */
    public WebConfig(InetAddress bind, int port, int maxHeaderBytes, long maxBodyBytes, Duration idleTimeout,
                     int maxConnectionsPerAddress, Lang lang) {
        this(bind, port, maxHeaderBytes, maxBodyBytes, idleTimeout, maxConnectionsPerAddress, lang, Optional.empty());
    }

    /**
     * Whether the front serves HTTPS: browsers then get {@code Secure} cookies, and a teacher's
     * password does not cross the network in clear.
     */
    public boolean tls() {
        return certificate.isPresent();
    }

    /** Every default, listening on {@code bind} at {@code port}, pages in {@code lang} unless a browser asks. */
    public static WebConfig defaults(InetAddress bind, int port, Lang lang) {
        return new WebConfig(bind, port, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, lang);
    }

    /** A loopback web front on a free port with every default: the tests' starting point. */
    public static WebConfig forTests() {
        return defaults(InetAddress.getLoopbackAddress(), 0, Lang.EN);
    }

    public WebConfig withLimits(int maxHeaderBytes, long maxBodyBytes, int maxConnectionsPerAddress) {
        return new WebConfig(bind, port, maxHeaderBytes, maxBodyBytes, idleTimeout, maxConnectionsPerAddress, lang,
                certificate);
    }

    public WebConfig withLang(Lang lang) {
        return new WebConfig(bind, port, maxHeaderBytes, maxBodyBytes, idleTimeout, maxConnectionsPerAddress, lang,
                certificate);
    }

    /** This config serving HTTPS, on the same port, with {@code certificate}. */
    public WebConfig withTls(TlsCertificate certificate) {
        return new WebConfig(bind, port, maxHeaderBytes, maxBodyBytes, idleTimeout, maxConnectionsPerAddress, lang,
                Optional.of(certificate));
    }

    private static void check(WebLimit limit, long value, String unit) {
        if (!limit.allows(value)) {
            throw new IllegalArgumentException(limit.refusal(value, unit));
        }
    }
}
