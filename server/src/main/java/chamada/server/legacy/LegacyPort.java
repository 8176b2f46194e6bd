package chamada.server.legacy;

import java.util.Locale;

/** The three legacy listeners, each with the option that sets its port and its seed's default port. */
public enum LegacyPort {
    /** The roll call of {@code seeds/000}: the seed's {@code teacher.py} and {@code student.py}. */
    ROLL_CALL("roll call", "--legacy-port", LegacyConfig.DEFAULT_ROLL_CALL_PORT),
    /** The messages of {@code seeds/003}, in the framing of the tutorial it cites. */
    MESSAGES("messages", "--legacy-messages-port", LegacyConfig.DEFAULT_MESSAGES_PORT),
    /** The file download of {@code seeds/004}. */
    FILES("file download", "--legacy-files-port", LegacyConfig.DEFAULT_FILES_PORT);

    private final String label;
    private final String option;
    private final int defaultPort;

    LegacyPort(String label, String option, int defaultPort) {
        this.label = label;
        this.option = option;
        this.defaultPort = defaultPort;
    }

    /** What logs call it, e.g. {@code roll call}. */
    public String label() {
        return label;
    }

    /** Its name in the server's meters and logs, e.g. {@code legacy-roll-call}. */
    public String meterName() {
        return "legacy-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The {@code chamada server} option that sets its port. */
    public String option() {
        return option;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
