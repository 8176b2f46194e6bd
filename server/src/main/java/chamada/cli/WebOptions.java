package chamada.cli;

import chamada.i18n.Lang;
import chamada.net.TlsCertificate;
import chamada.net.TlsFileException;
import chamada.rollcall.Network;
import chamada.server.OptionLimit;
import chamada.server.WebFront;
import chamada.web.WebConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web front's options, a mixin of {@code chamada server}: where the pages and the JSON API
 * listen, the server's certificate (HTTPS on the web port, TLS on the native port), and which
 * reverse proxies to believe about a client's address. Checked here, in the user's language,
 * naming the option. The TLS files are read here too, before anything starts, so a bad one stops
 * the server before it binds a port or creates a database.
 */
final class WebOptions {

    @Option(names = "--http-port", paramLabel = "PORT|off", defaultValue = "" + WebConfig.DEFAULT_PORT,
            description = "TCP port of the web pages and the JSON API, HTTPS on it with --tls-cert (default:"
                    + " ${DEFAULT-VALUE}; 0 picks a free one; off: no web front).")
    private String port;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address of the web pages and the JSON API (default: ${DEFAULT-VALUE}, every IPv4 interface).")
    private String bind;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR",
            description = "A reverse proxy whose X-Forwarded-For names the client, or a load balancer whose PROXY"
                    + " protocol header (v1 or v2) names it on the native and legacy ports, which then must send it"
                    + " (default: none); repeat it for several.")
    private List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate chain, the server's certificate first: the web pages and the JSON API"
                    + " then speak HTTPS, on the same --http-port, and the native port TLS only (default: none, plain"
                    + " HTTP and TCP). Needs --tls-key.")
    private Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key of --tls-cert, RSA or EC, unencrypted PKCS#8 (BEGIN PRIVATE KEY).")
    private Path tlsKey;

    @Option(names = "--plain-native-port",
            description = "With --tls-cert, keep the native port in plain TCP, for Chamada clients older than its"
                    + " TLS; teachers' passwords then cross the network in clear there.")
    private boolean plainNativePort;

    /**
     * The {@code --trusted-proxy} networks: their X-Forwarded-For on the web front, and their PROXY
     * protocol header on the native and legacy ports, name the client.
     *
     * @throws CommandFailure {@link ExitCodes#USAGE} for a value that is not a network
     */
    List<Network> trustedProxies(Lang lang) {
        List<Network> proxies = new ArrayList<>();
        for (String cidr : trustedProxies) {
            try {
                proxies.add(Network.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.badValue("--trusted-proxy", ServerCommandText.BAD_PROXY.format(lang, cidr), e);
            }
        }
        return proxies;
    }

    /**
     * The server's certificate, read from {@code --tls-cert} and {@code --tls-key}, or empty without them.
     *
     * @throws CommandFailure {@link ExitCodes#USAGE} for a TLS option without the other, or options that
     *                        leave the certificate nothing to serve; {@link ExitCodes#LOCAL_FILE} for a
     *                        TLS file that cannot be read or used
     */
    Optional<TlsCertificate> certificate(Lang lang) {
        if (tlsCertificate != null && tlsKey == null) {
            throw new CommandFailure(ExitCodes.USAGE, ServerCommandText.TLS_ALONE.format(lang, "--tls-cert", "--tls-key"));
        }
        if (tlsKey != null && tlsCertificate == null) {
            throw new CommandFailure(ExitCodes.USAGE, ServerCommandText.TLS_ALONE.format(lang, "--tls-key", "--tls-cert"));
        }
        if (plainNativePort && tlsCertificate == null) {
            throw CommandFailure.badValue("--plain-native-port", ServerCommandText.PLAIN_WITHOUT_TLS.format(lang));
        }
        if (plainNativePort && port.equalsIgnoreCase("off")) {
            throw new CommandFailure(ExitCodes.USAGE, ServerCommandText.TLS_SERVES_NOTHING.format(lang));
        }
        return tlsCertificate == null ? Optional.empty() : Optional.of(read(lang));
    }

    /** Whether the native port speaks TLS with the server's {@code certificate}: unless {@code --plain-native-port}. */
    Optional<TlsCertificate> nativeTls(Optional<TlsCertificate> certificate) {
        return plainNativePort ? Optional.empty() : certificate;
    }

    /**
     * The web front as the options say, serving HTTPS with {@code certificate} if there is one, or
     * empty for {@code --http-port off}.
     *
     * @throws CommandFailure {@link ExitCodes#USAGE} for a bad value
     */
    Optional<WebFront> front(Lang lang, int maxConnectionsPerAddress, Optional<TlsCertificate> certificate) {
        if (port.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw CommandFailure.badValue("--http-port", ServerCommandText.BAD_PORT.format(lang, port), e);
        }
        if (!OptionLimit.PORT.allows(number)) {
            throw CommandFailure.badValue("--http-port", ServerCommandText.BAD_PORT.format(lang, port));
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CommandFailure.badValue("--http-bind", ServerCommandText.BAD_HTTP_BIND.format(lang, bind), e);
        }
        WebConfig defaults = WebConfig.defaults(address, number, lang);
        WebConfig config = defaults.withLimits(defaults.maxHeaderBytes(), defaults.maxBodyBytes(),
                maxConnectionsPerAddress);
        return Optional.of(new WebFront(certificate.map(config::withTls).orElse(config)));
    }

    private TlsCertificate read(Lang lang) {
        try {
            return TlsCertificate.read(tlsCertificate, tlsKey);
        } catch (TlsFileException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, e.message(lang), e);
        } catch (IOException e) {
            // TlsCertificate throws FileSystemExceptions, which name the file.
            String file = e instanceof FileSystemException named && named.getFile() != null
                    ? named.getFile() : tlsCertificate + ", " + tlsKey;
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_READ_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
    }
}
