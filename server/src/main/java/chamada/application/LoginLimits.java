package chamada.application;

import chamada.rollcall.GuessLimits;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many wrong teachers' secrets each client address has sent lately, and how long it must now
 * wait before its next login is checked: past a free allowance, each wrong secret doubles the
 * wait, up to a ceiling, so a device on the network cannot try secrets as fast as the server
 * hashes them.
 *
 * <p>Design note. Keyed by address only (an IPv6 /64 counts as one), never by the teacher's
 * name: a limit per name would let anybody lock a teacher out by typing wrong secrets for them.
 * The allowance is generous and the ceiling short because a school's staff room may share one NAT
 * address. A login counts as wrong from {@link #begin} until {@link #succeeded}, so concurrent
 * guesses cannot all slip past the allowance before the first is answered. A key forgets its count
 * {@link #WINDOW} after its last attempt. Counts are this server's own, as {@link GuessLimits}'.
 *
 * <p>Thread-safe: {@link #begin} runs on a front's thread, {@link #succeeded} on the login thread.
 */
final class LoginLimits {

    /** How long an address remembers its wrong secrets after its last attempt. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Wrong secrets an address may send in a window before it has to wait. */
    static final int FREE = 10;
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration CEILING = Duration.ofMinutes(1);
    /** Addresses kept before the forgotten ones are swept: a bound on what a flood of addresses costs. */
    private static final int SWEEP_ABOVE = 50_000;

    private record Count(int wrong, Instant last) {

        boolean forgotten(Instant now) {
            return last.plus(WINDOW).isBefore(now);
        }
    }

    private final ConcurrentHashMap<String, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Empty if a login from {@code from} may have its secret checked now, which counts it as wrong
     * until {@link #succeeded}; otherwise how long the address must still wait.
     */
    Optional<Duration> begin(InetAddress from) {
        Instant now = clock.instant();
        if (counts.size() > SWEEP_ABOVE) {
            counts.values().removeIf(count -> count.forgotten(now));
        }
        Duration[] wait = {Duration.ZERO};
        counts.compute(GuessLimits.addressGroup(from), (key, count) -> {
            Count current = count == null || count.forgotten(now) ? new Count(0, now) : count;
            Instant allowed = current.last().plus(delay(current.wrong()));
            if (allowed.isAfter(now)) {
                wait[0] = Duration.between(now, allowed);
                return current;
            }
            return new Count(current.wrong() + 1, now);
        });
        return wait[0].isZero() ? Optional.empty() : Optional.of(wait[0]);
    }

    /** The login from {@code from} that {@link #begin} counted had the right secret: it is not a wrong one. */
    void succeeded(InetAddress from) {
        counts.computeIfPresent(GuessLimits.addressGroup(from),
                (key, count) -> count.wrong() <= 1 ? null : new Count(count.wrong() - 1, count.last()));
    }

    /** The wait after {@code wrong} wrong secrets: none within the allowance, then doubling to the ceiling. */
    static Duration delay(int wrong) {
        int past = wrong - FREE + 1;
        if (past <= 0) {
            return Duration.ZERO;
        }
        Duration delay = FIRST.multipliedBy(1L << Math.min(past - 1, 20));
        return delay.compareTo(CEILING) > 0 ? CEILING : delay;
    }
}
