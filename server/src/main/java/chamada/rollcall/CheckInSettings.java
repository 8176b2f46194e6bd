package chamada.rollcall;

import java.time.Duration;
import java.util.List;

/**
 * The server's check-in settings: the code policy a roll call gets when its opener names none,
 * how rotating codes turn, and the networks check-ins are accepted from (empty: every network).
 */
public record CheckInSettings(CodePolicy defaultPolicy, Duration codePeriod, Duration codeGrace,
                              List<Network> allowedNetworks) {

    public CheckInSettings {
        allowedNetworks = List.copyOf(allowedNetworks);
        // Checked once here, with the option's name, rather than at the first open.
        CheckInRules.of(CodePolicy.NONE, codePeriod, codeGrace, false);
    }

    /** As the seeds: no code unless asked for, every network. */
    public static CheckInSettings defaults() {
        return new CheckInSettings(CodePolicy.NONE, CheckInRules.DEFAULT_PERIOD, CheckInRules.DEFAULT_GRACE, List.of());
    }
}
