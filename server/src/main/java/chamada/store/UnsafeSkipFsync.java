package chamada.store;

/**
 * The test-only switch that makes the journal writer skip its fsyncs, so that the power-loss
 * campaign proves it can see lost writes (RELIABILITY.md, "Power loss"): with it, a power cut
 * loses acknowledged check-ins, which is the failure the campaign exists to catch.
 *
 * <p>It is on only when the JVM system property {@value #PROPERTY} is exactly {@value #CONSENT}:
 * no configuration option, environment variable or other value turns it on, so it cannot be set
 * by mistake in a server's settings. Read once, at class loading; the journal writer says so in
 * the log, as an error, every time it starts with it on, and the store's health is unhealthy,
 * saying so, for as long as it is on.
 */
final class UnsafeSkipFsync {

    static final String PROPERTY = "chamada.testOnly.skipJournalFsync";
    static final String CONSENT = "lose-acknowledged-writes";
    static final boolean ON = CONSENT.equals(System.getProperty(PROPERTY));

    private UnsafeSkipFsync() {
    }
}
