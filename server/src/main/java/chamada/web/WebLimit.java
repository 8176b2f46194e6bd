package chamada.web;

/**
 * The range a numeric web option accepts, named once so that {@link WebConfig}'s checks and
 * the command line's checks cannot drift apart.
 *
 * @param option the command-line option that sets it, named in every message about it
 */
public record WebLimit(String option, long min, long max) {

    public static final WebLimit PORT = new WebLimit("--http-port", 0, 65_535);
    /** The request line and every header together; Jetty answers 431 (or 414 for a long address) past it. */
    public static final WebLimit MAX_HEADER_BYTES = new WebLimit("--http-max-header-bytes", 1_024, 64 * 1_024);
    /** A request's body; Jetty answers 413 past it. */
    public static final WebLimit MAX_BODY_BYTES = new WebLimit("--http-max-body-bytes", 1_024, 64L * 1_024 * 1_024);
    public static final WebLimit IDLE_TIMEOUT_SECONDS = new WebLimit("--http-idle-timeout", 1, 86_400);
    public static final WebLimit MAX_CONNECTIONS_PER_ADDRESS =
            new WebLimit("--max-connections-per-address", 1, 100_000);

    public boolean allows(long value) {
        return value >= min && value <= max;
    }

    /** The message for a value outside the range, e.g. {@code --http-port must be from 0 to 65535, got 70000}. */
    String refusal(Object value, String unit) {
        return option + " must be from " + min + " to " + max + unit + ", got " + value + unit;
    }
}
