package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.CheckInSettings;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.Network;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's check-in options, a mixin of {@code chamada server}: the code policy a roll call
 * gets when its opener names none, how rotating codes turn, and the networks check-ins are
 * accepted from. Checked here, with messages in the user's language naming the option.
 */
final class CheckInOptions {

    /** A week: a roll call is a lesson's, and one open longer is forgotten, whatever the school. */
    private static final Duration MAX_AUTO_CLOSE = Duration.ofDays(7);
    /** Ten years: past any school's rule. */
    private static final long MAX_EDIT_DAYS = 3_650;
    private static final long MAX_RETAIN_DAYS = 36_500;

    @Option(names = "--code-policy", paramLabel = "POLICY", defaultValue = "none",
            description = "Check-in code of a roll call opened without choosing one: rotating, fixed or none"
                    + " (default: ${DEFAULT-VALUE}, as the seeds; rotating makes every protocol ask for the"
                    + " code shown in the classroom).")
    private String codePolicy;

    @Option(names = "--code-period", paramLabel = "SECONDS", defaultValue = "15",
            description = "How often a rotating code changes (default: ${DEFAULT-VALUE}).")
    private long codePeriodSeconds;

    @Option(names = "--code-grace", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long the previous rotating code is still accepted (default: ${DEFAULT-VALUE}).")
    private long codeGraceSeconds;

    @Option(names = "--auto-close-after", paramLabel = "MINUTES", defaultValue = "180",
            description = "Close, as the server, a roll call still open this long after it opened, so that a"
                    + " forgotten one does not swallow the next lesson; 0 never (default: ${DEFAULT-VALUE}).")
    private long autoCloseAfterMinutes;

    @Option(names = "--edit-days", paramLabel = "DAYS", defaultValue = "7",
            description = "A teacher may correct a roll call for this many days after its close; after that only an"
                    + " administrator (0: only before it closes; at most 3650).")
    private long editDays;

    @Option(names = "--retain-days", paramLabel = "DAYS", defaultValue = "0",
            description = "Delete roll calls closed more than this many days ago, with their check-ins, statuses and"
                    + " audit, at start and daily; 0 keeps them for good (default: ${DEFAULT-VALUE}; at most 36500).")
    private long retainDays;

    @Option(names = "--allow-network", paramLabel = "CIDR",
            description = "Accept check-ins only from this network, such as 10.20.0.0/16; repeat it for several"
                    + " (default: every network).")
    private List<String> allowedNetworks = new ArrayList<>();

    CheckInSettings settings(Lang lang) {
        CodePolicy policy = CodePolicy.fromWire(codePolicy).orElseThrow(() -> CommandFailure.badValue("--code-policy",
                ServerCommandText.BAD_POLICY.format(lang, codePolicy)));
        long maxSeconds = CheckInRules.MAX_PERIOD.toSeconds();
        if (codePeriodSeconds < 1 || codePeriodSeconds > maxSeconds) {
            throw CommandFailure.outOfRange(lang, "--code-period", 1, maxSeconds, codePeriodSeconds);
        }
        // Only the previous code has a grace, so it cannot be longer than the period.
        if (codeGraceSeconds < 0 || codeGraceSeconds > codePeriodSeconds) {
            throw CommandFailure.outOfRange(lang, "--code-grace", 0, codePeriodSeconds, codeGraceSeconds);
        }
        List<Network> networks = new ArrayList<>();
        for (String cidr : allowedNetworks) {
            try {
                networks.add(Network.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.badValue("--allow-network", ServerCommandText.BAD_NETWORK.format(lang, cidr), e);
            }
        }
        if (autoCloseAfterMinutes < 0 || autoCloseAfterMinutes > MAX_AUTO_CLOSE.toMinutes()) {
            throw CommandFailure.outOfRange(lang, "--auto-close-after", 0, MAX_AUTO_CLOSE.toMinutes(), autoCloseAfterMinutes);
        }
        if (editDays < 0 || editDays > MAX_EDIT_DAYS) {
            throw CommandFailure.outOfRange(lang, "--edit-days", 0, MAX_EDIT_DAYS, editDays);
        }
        if (retainDays < 0 || retainDays > MAX_RETAIN_DAYS) {
            throw CommandFailure.outOfRange(lang, "--retain-days", 0, MAX_RETAIN_DAYS, retainDays);
        }
        return new CheckInSettings(policy, Duration.ofSeconds(codePeriodSeconds), Duration.ofSeconds(codeGraceSeconds),
                networks, Duration.ofMinutes(autoCloseAfterMinutes), Duration.ofDays(editDays), Duration.ofDays(retainDays));
    }
}
