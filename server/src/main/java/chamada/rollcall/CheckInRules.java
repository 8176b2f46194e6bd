package chamada.rollcall;

import chamada.error.Expected;
import chamada.error.Fields;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How students check into one roll call, fixed when it is opened and kept with it in the
 * store: whether a code is asked ({@link CodePolicy}), from which secret it is derived, how
 * often a rotating code changes and how long the previous one is still accepted, and whether
 * several students may check in from one device; with a roster, whether a matrícula not on it
 * is still accepted; and after how long a check-in is late.
 *
 * @param sharedDevices whether one device may check in several matrículas (a teacher's choice
 *                      for a class that shares tablets); otherwise one device, one check-in
 * @param period        how long each rotating code is shown
 * @param grace         how long after its period a rotating code is still accepted, so a
 *                      student still typing it is not refused
 * @param acceptUnknown whether a class with a roster accepts a matrícula not on it (kept, and
 *                      shown to the teacher as not on the roster) rather than refusing it
 * @param lateAfter     how long after the opening a check-in counts as late; empty: never
 */
public record CheckInRules(CodePolicy policy, CodeSecret secret, Duration period, Duration grace,
                           boolean sharedDevices, boolean acceptUnknown, Optional<Duration> lateAfter) {

    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(15);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);
    public static final Duration MAX_PERIOD = Duration.ofHours(1);
    /** Late after a whole lesson is not late: a teacher's typo. */
    public static final Duration MAX_LATE_AFTER = Duration.ofHours(12);

    /** The wire field, and the CLI option's value, that carries the late-after in minutes. */
    public static final String LATE_AFTER_FIELD = "late_after";

    /**
     * How long after its first check-in a device may replace it with another matrícula: a
     * student who typed someone else's number by mistake fixes it at once; later, a second
     * matrícula from one phone is somebody checking in for a friend.
     */
    public static final Duration REPLACE_WINDOW = Duration.ofMinutes(2);

    public CheckInRules {
        if (policy.needsCode() == secret.isNone()) {
            throw new IllegalArgumentException(policy.needsCode()
                    ? "a roll call with codes needs a secret" : "a roll call without codes has no secret");
        }
        if (period.toSeconds() < 1 || period.compareTo(MAX_PERIOD) > 0 || period.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a code period is whole seconds from 1 s to 1 h, not " + period);
        }
        // Only the previous code has a grace: a longer one would end before it said.
        if (grace.isNegative() || grace.compareTo(period) > 0 || grace.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a code grace is whole seconds from 0 to the period ("
                    + period.toSeconds() + " s), not " + grace);
        }
        lateAfter.ifPresent(late -> {
            if (late.isNegative() || late.compareTo(MAX_LATE_AFTER) > 0 || late.toMillis() % 60_000 != 0) {
                throw new IllegalArgumentException("late-after is whole minutes from 0 to 12 h, not " + late);
            }
        });
    }

    /** Rules without a roster's or lateness's choices, as every roll call had before rosters. */
    public CheckInRules(CodePolicy policy, CodeSecret secret, Duration period, Duration grace, boolean sharedDevices) {
        this(policy, secret, period, grace, sharedDevices, false, Optional.empty());
    }

    /** {@code minutes} typed as whole minutes from 0 to 720; anything else is refused naming the field. */
    public static Duration lateAfterMinutes(String minutes) {
        if (minutes.isEmpty() || minutes.length() > 3 || !minutes.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(minutes) > MAX_LATE_AFTER.toMinutes()) {
            throw Fields.invalid(LATE_AFTER_FIELD, minutes, Expected.LATE_AFTER);
        }
        return Duration.ofMinutes(Integer.parseInt(minutes));
    }

    /** Whether these rules differ from a roll call's before rosters (a journal record and a column say them). */
    public boolean hasRecordsChoices() {
        return acceptUnknown || lateAfter.isPresent();
    }

    /** No code, one check-in per device: what a roll call opened without choosing gets, as the seeds did. */
    public static CheckInRules none() {
        return new CheckInRules(CodePolicy.NONE, CodeSecret.none(), DEFAULT_PERIOD, DEFAULT_GRACE, false);
    }

    /** Rules with {@code policy} and a new random secret if it needs one. */
    public static CheckInRules of(CodePolicy policy, Duration period, Duration grace, boolean sharedDevices) {
        return new CheckInRules(policy, policy.needsCode() ? CodeSecret.random() : CodeSecret.none(), period, grace,
                sharedDevices);
    }

    /**
     * Whether a check-in at {@code at} into a roll call opened at {@code openedAt} under these
     * rules is late: more than {@code lateAfter} after the opening. The one place lateness is
     * decided, for both stores and every view.
     */
    public boolean isLate(OffsetDateTime openedAt, OffsetDateTime at) {
        return lateAfter.isPresent() && at.toInstant().isAfter(openedAt.toInstant().plus(lateAfter.get()));
    }

    /** These rules with check-ins late {@code lateAfter} after the opening (empty: never late). */
    public CheckInRules withLateAfter(Optional<Duration> lateAfter) {
        return new CheckInRules(policy, secret, period, grace, sharedDevices, acceptUnknown, lateAfter);
    }

    /** These rules, accepting matrículas not on the roster or not. */
    public CheckInRules withAcceptUnknown(boolean accept) {
        return new CheckInRules(policy, secret, period, grace, sharedDevices, accept, lateAfter);
    }
}
