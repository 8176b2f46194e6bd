package chamada.rollcall;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many wrong check-in codes a device, an address and a roll call have sent lately, and how
 * long each must now wait before trying again: a six-digit code is guessable only by trying
 * many, so each wrong code past a free allowance doubles the wait, up to a ceiling.
 *
 * <p>Design note. Delays, never lock-outs: a whole class may share one NAT address, so a
 * guesser must not be able to shut the class out. The free allowance grows with how many
 * people a key may stand for (one device; one address or IPv6 /64, perhaps a whole school;
 * one roll call), and the ceilings shrink with it, so honest students behind a guesser wait
 * seconds at most. A key forgets its count after {@link #WINDOW} without a wrong code. Counts
 * are this server's own: with several nodes, each node limits what it sees (docs/DECISIONS.md).
 *
 * <p>Thread-safe: called from every front's threads.
 */
public final class GuessLimits {

    /** How long a key remembers its wrong codes after the last one. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    /** One kind of key: its free allowance, first delay and ceiling. */
    private enum Scope {
        DEVICE(5, Duration.ofSeconds(2), Duration.ofMinutes(5)),
        ADDRESS(50, Duration.ofSeconds(1), Duration.ofSeconds(30)),
        ROLL_CALL(200, Duration.ofSeconds(1), Duration.ofSeconds(10));

        final int free;
        final Duration first;
        final Duration ceiling;

        Scope(int free, Duration first, Duration ceiling) {
            this.free = free;
            this.first = first;
            this.ceiling = ceiling;
        }
    }

    private record Key(Scope scope, String value) {
    }

    /** A key's wrong codes since its window began, the last one's time, and when it may try again. */
    private record Count(int wrong, Instant last, Instant notBefore) {
    }

    /** Above this many keys, expired ones are swept out, so a flood of fresh device ids cannot fill memory. */
    private static final int SWEEP_ABOVE = 100_000;

    private final ConcurrentMap<Key, Count> counts = new ConcurrentHashMap<>();

    /** How long an attempt from these keys must still wait; empty if it may be tried now. */
    public Optional<Duration> wait(ClassId classId, InetAddress from, Optional<DeviceId> device, Instant now) {
        Duration longest = Duration.ZERO;
        for (Key key : keys(classId, from, device)) {
            Count count = counts.get(key);
            if (count != null && now.isBefore(count.notBefore())) {
                Duration left = Duration.between(now, count.notBefore());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts one wrong code against each key. */
    public void wrong(ClassId classId, InetAddress from, Optional<DeviceId> device, Instant now) {
        if (counts.size() > SWEEP_ABOVE) {
            counts.values().removeIf(count -> count.last().plus(WINDOW).isBefore(now));
        }
        for (Key key : keys(classId, from, device)) {
            counts.compute(key, (k, count) -> {
                int wrong = count == null || count.last().plus(WINDOW).isBefore(now) ? 1 : count.wrong() + 1;
                return new Count(wrong, now, now.plus(delay(k.scope(), wrong)));
            });
        }
    }

    /** How many wrong codes the roll call of {@code classId} got in its current window, for its teacher. */
    public int wrongCodes(ClassId classId, Instant now) {
        Count count = counts.get(new Key(Scope.ROLL_CALL, classId.toString()));
        return count == null || count.last().plus(WINDOW).isBefore(now) ? 0 : count.wrong();
    }

    private static Duration delay(Scope scope, int wrong) {
        int past = wrong - scope.free;
        if (past <= 0) {
            return Duration.ZERO;
        }
        Duration delay = scope.first.multipliedBy(1L << Math.min(past - 1, 20));
        return delay.compareTo(scope.ceiling) > 0 ? scope.ceiling : delay;
    }

    private static List<Key> keys(ClassId classId, InetAddress from, Optional<DeviceId> device) {
        Key rollCall = new Key(Scope.ROLL_CALL, classId.toString());
        Key address = new Key(Scope.ADDRESS, addressGroup(from));
        return device.map(d -> List.of(new Key(Scope.DEVICE, d.value()), address, rollCall))
                .orElse(List.of(address, rollCall));
    }

    /** An IPv6 address counts by its /64, which one household or phone usually has whole. */
    static String addressGroup(InetAddress from) {
        byte[] bytes = from.getAddress();
        if (from instanceof Inet6Address) {
            return Arrays.toString(Arrays.copyOf(bytes, 8)) + "/64";
        }
        return from.getHostAddress();
    }
}
