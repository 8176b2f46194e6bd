package chamada.cli;

import chamada.client.ClientTls;
import chamada.i18n.Lang;
import chamada.server.ServerConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * Where the Chamada server is and how to speak to it: {@code --host} and {@code --port}, and
 * {@code --tls} or {@code --ca} for a server whose native port speaks TLS. Mixed into the teacher
 * and student commands and inherited by their subcommands, so either position works
 * ({@code chamada teacher --port 7171 open 1} or {@code chamada teacher open 1 --port 7171}).
 */
final class ServerAddress {

    @Option(names = "--host", defaultValue = "127.0.0.1", scope = ScopeType.INHERIT, paramLabel = "HOST",
            description = "Server host name or address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "" + ServerConfig.DEFAULT_PORT, scope = ScopeType.INHERIT,
            paramLabel = "PORT", converter = PortConverter.class,
            description = "Server TCP port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--tls", scope = ScopeType.INHERIT,
            description = "Speak TLS to the server, trusting the certificates this system trusts (default: plain"
                    + " TCP; a server started with --tls-cert speaks TLS only).")
    private boolean tls;

    @Option(names = "--ca", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Speak TLS to the server, trusting only the PEM certificate(s) in FILE: the school's own"
                    + " authority, or the server's self-signed certificate. Implies --tls.")
    private Path ca;

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /**
     * How to connect: TLS trusting the {@code --ca} file or the system, or plain TCP.
     *
     * @throws CommandFailure {@link ExitCodes#LOCAL_FILE} for a {@code --ca} file that cannot be read or
     *                        holds no certificate
     */
    Optional<ClientTls> tls(Lang lang) {
        if (ca == null) {
            return tls ? Optional.of(ClientTls.systemTrust()) : Optional.empty();
        }
        try {
            return Optional.of(ClientTls.trusting(ca));
        } catch (CertificateException e) {
            throw CommandFailure.badFile("--ca", TlsText.CA_NOT_CERTIFICATES.format(lang, ca), e);
        } catch (IOException e) {
            throw CommandFailure.badFile("--ca", TlsText.CA_UNREADABLE.format(lang, ca, Reasons.file(e, lang)), e);
        }
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    String display() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
