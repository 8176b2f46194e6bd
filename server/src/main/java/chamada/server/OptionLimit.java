package chamada.server;

/**
 * The range a numeric server option accepts, named once so that {@link ServerConfig}'s own
 * checks and the CLI's checks (which speak the user's language) cannot drift apart.
 */
public record OptionLimit(String option, long min, long max) {

    public static final OptionLimit PORT = new OptionLimit("--port", 0, 65_535);
    public static final OptionLimit MAX_LINE_BYTES = new OptionLimit("--max-line-bytes", 256, 1 << 20);
    public static final OptionLimit IDLE_TIMEOUT_SECONDS = new OptionLimit("--idle-timeout", 1, 86_400);
    public static final OptionLimit MAX_CONNECTIONS_PER_ADDRESS =
            new OptionLimit("--max-connections-per-address", 1, 100_000);

    public boolean allows(long value) {
        return value >= min && value <= max;
    }
}
