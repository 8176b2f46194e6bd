package chamada.rollcall;

import java.time.Duration;
import java.util.List;

/**
 * The server's check-in settings: the code policy a roll call gets when its opener names none,
 * how rotating codes turn, the networks check-ins are accepted from (empty: every network), and
 * how long a roll call may stay open before the server closes it ({@link Duration#ZERO}: never),
 * how long after its close a teacher may still correct it, and how long after its close a roll
 * call is kept ({@link Duration#ZERO}: for good).
 */
public record CheckInSettings(CodePolicy defaultPolicy, Duration codePeriod, Duration codeGrace,
                              List<Network> allowedNetworks, Duration autoCloseAfter, Duration editWindow,
                              Duration retention) {

    public CheckInSettings {
        allowedNetworks = List.copyOf(allowedNetworks);
        // Checked once here, with the option's name, rather than at the first open.
        CheckInRules.of(CodePolicy.NONE, codePeriod, codeGrace, false);
    }

    /** A roll call still open this long after it opened is closed by the server: the next lesson's is not swallowed. */
    public static final Duration DEFAULT_AUTO_CLOSE_AFTER = Duration.ofHours(3);

    /** How long after its close a roll call may still be corrected by a teacher (--edit-days). */
    public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofDays(7);

    /** Settings from before corrections: the default edit window, and roll calls kept for good. */
    public CheckInSettings(CodePolicy defaultPolicy, Duration codePeriod, Duration codeGrace, List<Network> allowedNetworks,
                           Duration autoCloseAfter) {
        this(defaultPolicy, codePeriod, codeGrace, allowedNetworks, autoCloseAfter, DEFAULT_EDIT_WINDOW, Duration.ZERO);
    }

    /** As the seeds: no code unless asked for, every network; and forgotten roll calls closed after 3 hours. */
    public static CheckInSettings defaults() {
        return new CheckInSettings(CodePolicy.NONE, CheckInRules.DEFAULT_PERIOD, CheckInRules.DEFAULT_GRACE, List.of(),
                DEFAULT_AUTO_CLOSE_AFTER);
    }
}
