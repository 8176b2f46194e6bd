package chamada.application;

import chamada.rollcall.GuessLimits;
import chamada.rollcall.TeacherName;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many wrong secrets have lately been sent for each teacher's name from each client address,
 * and from each address for any name, and how long a login must now wait before its secret is
 * checked: so that a device on the network can try secrets neither as fast as the server hashes
 * them, nor keep the other teachers on its address from logging in.
 *
 * <p>Design note. Two limits, an IPv6 /64 counting as one address:
 * <ul>
 * <li>Per address and name: past {@link #FREE} wrong secrets, each one doubles the wait, up to
 * {@link #CEILING}. A guesser of one teacher's secret is slowed; only that name, from that
 * address, waits. Never per name alone: anybody could then lock a teacher out from anywhere.
 * <li>Per address, any name: a looser allowance, {@link #ADDRESS_FREE} wrong secrets, refilled one
 * every {@link #ADDRESS_REFILL}, against a guesser who tries many names (one guess each). A guesser
 * of one name held at the ceiling sends fewer than the refill, so never empties it.
 * </ul>
 * What still holds: a guesser spraying many names from an address the teachers share (a staff
 * room's NAT) can empty the address's allowance, and the teachers there then wait with it; from
 * any other address they are not held back. A login counts as wrong from {@link #begin} until
 * {@link #succeeded}, so concurrent guesses cannot all slip past an allowance before the first is
 * answered; the address's allowance is larger than the logins that may wait at once
 * ({@link Logins#MAX_WAITING}), so a burst of teachers logging in together is never refused. A
 * name's count is forgotten {@link #WINDOW} after its last attempt. Counts are this server's own,
 * as {@link GuessLimits}'.
 *
 * <p>Thread-safe: {@link #begin} runs on a front's thread, {@link #succeeded} on the login thread.
 */
final class LoginLimits {

    /** How long an address and name remember their wrong secrets after their last attempt. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Wrong secrets for one name from one address in a window before its logins wait. */
    static final int FREE = 10;
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration CEILING = Duration.ofMinutes(1);
    /** Wrong secrets for any names one address may send at once before its logins wait. */
    static final int ADDRESS_FREE = 100;
    /** How fast an address's allowance comes back: faster than a one-name guesser at the ceiling spends it. */
    static final Duration ADDRESS_REFILL = Duration.ofSeconds(6);
    /** Keys kept before the forgotten ones are swept: a bound on what a flood of addresses or names costs. */
    private static final int SWEEP_ABOVE = 50_000;

    private record Count(int wrong, Instant last) {

        boolean forgotten(Instant now) {
            return last.plus(WINDOW).isBefore(now);
        }
    }

    /** Per address and name. */
    private final ConcurrentHashMap<String, Count> counts = new ConcurrentHashMap<>();
    /**
     * Per address: when its allowance would be full again, a generic cell rate algorithm; spending
     * one wrong secret moves it {@link #ADDRESS_REFILL} later.
     */
    private final ConcurrentHashMap<String, Instant> refilledAt = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Empty if a login for {@code name} from {@code from} may have its secret checked now, which
     * counts it as wrong until {@link #succeeded}; otherwise how long it must still wait.
     */
    Optional<Duration> begin(InetAddress from, TeacherName name) {
        Instant now = clock.instant();
        if (counts.size() > SWEEP_ABOVE) {
            counts.values().removeIf(count -> count.forgotten(now));
        }
        if (refilledAt.size() > SWEEP_ABOVE) {
            refilledAt.values().removeIf(full -> full.isBefore(now));
        }
        String address = GuessLimits.addressGroup(from);
        Duration[] wait = {Duration.ZERO};
        refilledAt.compute(address, (key, full) -> {
            Instant base = full == null || full.isBefore(now) ? now : full;
            Instant spent = base.plus(ADDRESS_REFILL);
            Instant allowedAt = spent.minus(ADDRESS_REFILL.multipliedBy(ADDRESS_FREE));
            if (allowedAt.isAfter(now)) {
                wait[0] = Duration.between(now, allowedAt);
                return full;
            }
            return spent;
        });
        if (!wait[0].isZero()) {
            return Optional.of(wait[0]);
        }
        counts.compute(key(address, name), (key, count) -> {
            Count current = count == null || count.forgotten(now) ? new Count(0, now) : count;
            Instant allowed = current.last().plus(delay(current.wrong()));
            if (allowed.isAfter(now)) {
                wait[0] = Duration.between(now, allowed);
                return current;
            }
            return new Count(current.wrong() + 1, now);
        });
        if (wait[0].isZero()) {
            return Optional.empty();
        }
        refund(address); // the name's wait held it back: no secret is checked, so none spent
        return Optional.of(wait[0]);
    }

    /** The login for {@code name} from {@code from} that {@link #begin} counted had the right secret: not a wrong one. */
    void succeeded(InetAddress from, TeacherName name) {
        String address = GuessLimits.addressGroup(from);
        counts.computeIfPresent(key(address, name),
                (key, count) -> count.wrong() <= 1 ? null : new Count(count.wrong() - 1, count.last()));
        refund(address);
    }

    private void refund(String address) {
        refilledAt.computeIfPresent(address, (key, full) -> full.minus(ADDRESS_REFILL));
    }

    private static String key(String address, TeacherName name) {
        return address + " " + name.value();
    }

    /** The wait after {@code wrong} wrong secrets for a name: none within the allowance, then doubling to the ceiling. */
    static Duration delay(int wrong) {
        int past = wrong - FREE + 1;
        if (past <= 0) {
            return Duration.ZERO;
        }
        Duration delay = FIRST.multipliedBy(1L << Math.min(past - 1, 20));
        return delay.compareTo(CEILING) > 0 ? CEILING : delay;
    }
}
