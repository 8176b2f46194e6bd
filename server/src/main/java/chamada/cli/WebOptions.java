package chamada.cli;

import chamada.i18n.Bilingual;
import chamada.i18n.Lang;
import chamada.rollcall.Network;
import chamada.server.OptionLimit;
import chamada.server.WebFront;
import chamada.web.WebConfig;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web front's options, a mixin of {@code chamada server}: where the pages and the JSON API
 * listen, and which reverse proxies to believe about a client's address. Checked here, in the
 * user's language, naming the option.
 */
final class WebOptions {

    @Option(names = "--http-port", paramLabel = "PORT|off", defaultValue = "" + WebConfig.DEFAULT_PORT,
            description = "TCP port of the web pages and the JSON API (default: ${DEFAULT-VALUE}; 0 picks a free one;"
                    + " off: no web front).")
    private String port;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address of the web pages and the JSON API (default: ${DEFAULT-VALUE}, every IPv4 interface).")
    private String bind;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR",
            description = "A reverse proxy whose X-Forwarded-For names the client (default: none); repeat it for"
                    + " several.")
    private List<String> trustedProxies = new ArrayList<>();

    /** The web front as the options say, or empty for {@code --http-port off}. */
    Optional<WebFront> front(Lang lang, int maxConnectionsPerAddress) {
        if (port.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new CommandFailure(ExitCodes.USAGE, Messages.BAD_PORT.format(lang, port), e);
        }
        if (!OptionLimit.PORT.allows(number)) {
            throw new CommandFailure(ExitCodes.USAGE, Messages.BAD_PORT.format(lang, port));
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CommandFailure(ExitCodes.USAGE, Messages.BAD_BIND.format(lang, bind), e);
        }
        List<Network> proxies = new ArrayList<>();
        for (String cidr : trustedProxies) {
            try {
                proxies.add(Network.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(ExitCodes.USAGE, Messages.BAD_PROXY.format(lang, cidr), e);
            }
        }
        WebConfig defaults = WebConfig.defaults(address, number, lang);
        return Optional.of(new WebFront(defaults.withLimits(defaults.maxHeaderBytes(), defaults.maxBodyBytes(),
                maxConnectionsPerAddress), proxies));
    }

    /** What these options say when refused. */
    enum Messages implements Bilingual {
        BAD_PORT("--http-port {0} is not a port: use a number from 0 to 65535, or off.",
                "--http-port {0} não é uma porta: use um número de 0 a 65535, ou off."),
        BAD_BIND("--http-bind {0} is not an address of this machine, nor a name that resolves to one.",
                "--http-bind {0} não é um endereço desta máquina nem um nome que resolva para um."),
        BAD_PROXY("--trusted-proxy {0} is not a network: write it like 10.0.0.5 or 10.0.0.0/24.",
                "--trusted-proxy {0} não é uma rede: escreva como 10.0.0.5 ou 10.0.0.0/24.");

        private final String en;
        private final String pt;

        Messages(String en, String pt) {
            this.en = en;
            this.pt = pt;
        }

        @Override
        public String en() {
            return en;
        }

        @Override
        public String pt() {
            return pt;
        }
    }
}
