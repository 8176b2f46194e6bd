package chamada.cli;

import chamada.server.ServerConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the Chamada server is: {@code --host} and {@code --port}, mixed into the teacher and
 * student commands and inherited by their subcommands, so either position works
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

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    String display() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
