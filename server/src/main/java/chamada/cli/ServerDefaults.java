package chamada.cli;

import chamada.server.ServerConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code chamada server}'s options, taken from {@link ServerConfig}'s
 * constants so that the help and the server never disagree. (Annotations accept only
 * compile-time constants, which a {@code Duration} is not.)
 */
final class ServerDefaults implements IDefaultValueProvider {

    /** The database when {@code --db} is absent, relative to the working directory. */
    static final String DATABASE = "chamada-data/chamada.db";

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        // null is picocli's "no default" for this provider.
        return switch (option.longestName()) {
            case "--bind" -> "0.0.0.0";
            case "--port" -> Integer.toString(ServerConfig.DEFAULT_PORT);
            case "--db" -> DATABASE;
            case "--max-line-bytes" -> Integer.toString(ServerConfig.DEFAULT_MAX_LINE_BYTES);
            case "--idle-timeout" -> Long.toString(ServerConfig.DEFAULT_IDLE_TIMEOUT.toSeconds());
            case "--max-connections-per-address" -> Integer.toString(ServerConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
            default -> null;
        };
    }
}
