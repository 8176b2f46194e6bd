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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many wrong check-in codes a device and an address have sent lately, and how long each
 * must now wait before trying again: a six-digit code is guessable only by trying many, so each
 * wrong code past a free allowance doubles the wait, up to a ceiling.
 *
 * <p>Design note. A limit only slows a guesser if it refuses attempts <em>before</em> their code
 * is checked, so whatever it holds back, it holds back whole: a limit on the roll call would let
 * one guesser shut a class out. So only the guesser's own keys are held: its device, and its
 * address (an IPv6 /64 counts as one), whose allowance is large because a whole school may share
 * one NAT address. The roll call's count tells its teacher ({@link #wrongCodes}). A guesser spread
 * over many addresses gets each address's allowance, so once a roll call has taken more wrong
 * codes in its window than a class could ever type ({@link #SLOW_AFTER}), it is <em>slowed</em>:
 * an address that has sent it {@link #TURN_AFTER} wrong codes, or has {@link #TURN_AFTER_IN_FLIGHT}
 * wrong codes and attempts still being decided, needs a turn for each further attempt, and the
 * roll call gives one turn every {@link #TURN}, in the order the addresses first asked, one
 * waiting turn per address. Counting the attempts being decided means a fresh address cannot
 * fire many at once before its first wrong code is counted; counting them apart from the wrong
 * codes means a class's right codes being written at once do not make its address wait. The
 * guesser's rate into it is then bounded by the turns plus its fresh addresses, each good for
 * at most {@link #TURN_AFTER_IN_FLIGHT} wrong codes. A shared address (a school's NAT, a
 * Wi-Fi's IPv6 /64) needs turns only after a few typos, not one, because once it waits, every
 * student behind it shares its one turn per round, and the number of addresses waiting in a round
 * is the guesser's to choose; a student behind an address that sent fewer is never held by this,
 * and one who is waits for their address's turn, which no other address can take (its place is
 * kept {@link #TURN_KEPT} past its time), and is told it is their turn they wait for, not their
 * own wrong codes. Nothing is held back whole. An attempt
 * counts as a possible wrong code from {@link #begin} until {@link #end}, so a guesser's
 * concurrent requests cannot all slip past the allowance before the first is counted. A code that
 * was right a moment ago (typed too slowly) is not counted as a guess. A key forgets its count
 * {@link #WINDOW} after its last wrong code. Counts are this server's own: with several nodes,
 * each limits what it sees (docs/DECISIONS.md).
 *
 * <p>Thread-safe: {@link #begin} runs on a front's thread, {@link #end} where the store's outcome
 * completes (its writer thread), so both are a few map updates; the map is swept of forgotten
 * keys on a front's thread, once every {@value #SWEEP_EVERY} admissions.
 */
public final class GuessLimits {

    /** How long a key remembers its wrong codes after the last one. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    /** Wrong codes in a roll call's window past which it is slowed: more than a class could ever type. */
    public static final int SLOW_AFTER = 300;
    /** Once slowed, a roll call gives one turn this often, to the addresses that guessed wrong into it. */
    static final Duration TURN = Duration.ofMillis(200);
    /** How long past its time a turn stays kept for its address, for a client that retries a bit late. */
    static final Duration TURN_KEPT = Duration.ofSeconds(10);
    /** Wrong codes from an address into a slowed roll call before it needs turns: a few typos. */
    public static final int TURN_AFTER = 3;
    /**
     * Attempts from an address into a slowed roll call, wrong ones and ones still being decided,
     * before it needs turns: more than a class behind one address has in flight at once, since
     * right codes being written count too, yet few enough that a fresh address cannot fire
     * many guesses before its first wrong code is counted.
     */
    public static final int TURN_AFTER_IN_FLIGHT = 16;

    /** One kind of key: its free allowance, first delay and ceiling. */
    enum Scope {
        DEVICE(5, Duration.ofSeconds(2), Duration.ofMinutes(5)),
        ADDRESS(50, Duration.ofSeconds(1), Duration.ofSeconds(30)),
        ROLL_CALL(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO),
        ROLL_CALL_ADDRESS(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO);

        final int free;
        final Duration first;
        final Duration ceiling;

        Scope(int free, Duration first, Duration ceiling) {
            this.free = free;
            this.first = first;
            this.ceiling = ceiling;
        }
    }

    record Key(Scope scope, String value) {
    }

    /** A key's wrong codes in its window, its attempts still being decided, the last wrong code's time, and when it may try again. */
    private record Count(int wrong, int deciding, Instant last, Instant notBefore) {

        boolean forgotten(Instant now) {
            return deciding == 0 && last.plus(WINDOW).isBefore(now);
        }
    }

    /** Whether an attempt may go on to have its code checked. */
    public sealed interface Admission {
    }

    /** It may: hand it back to {@link #end} with what its code came to. */
    public record Admitted(List<Key> keys) implements Admission {
    }

    /**
     * Not for {@code retryAfter}: its device or address has guessed too much lately, or, if
     * {@code turn}, its address waits for its turn on a slowed roll call.
     */
    public record HeldBack(Duration retryAfter, boolean turn) implements Admission {
    }

    /** Admissions between two sweeps of forgotten keys. */
    static final int SWEEP_EVERY = 10_000;
    /** Past this many keys after a sweep, device keys (the ones a guesser can make up at will) are dropped. */
    static final int MAX_KEYS = 200_000;

    private final ConcurrentMap<Key, Count> counts = new ConcurrentHashMap<>();
    /** For each slowed roll call, when its next turn is free. */
    private final ConcurrentMap<String, Instant> nextTurns = new ConcurrentHashMap<>();
    /** The turn each address waits for on a slowed roll call ({@link Scope#ROLL_CALL_ADDRESS} keys). */
    private final ConcurrentMap<Key, Instant> turns = new ConcurrentHashMap<>();
    private final AtomicInteger newKeys = new AtomicInteger();

    /**
     * Starts an attempt with a code from these keys: held back while any of its keys waits, or
     * has used its free allowance with wrong codes and attempts still being decided; otherwise
     * admitted and counted, on every key, as an attempt being decided until {@link #end}. On a
     * slowed roll call, an address past {@link #TURN_AFTER} into it also needs its turn, taken
     * only once every key has admitted the attempt, so an attempt its device holds back leaves
     * the turn to its address; counting first and taking the turn in one atomic step after means
     * concurrent attempts cannot all pass it. The price: an attempt refused its turn counts on its
     * device's and address's keys for that moment, so a concurrent attempt from them at the edge
     * of their allowance may be held back too (a wait of a second or two): stricter, never looser.
     */
    public Admission begin(ClassId classId, InetAddress from, Optional<DeviceId> device, Instant now) {
        boolean slowed = slowed(classId, now);
        List<Key> keys = keys(classId, from, device);
        HeldBack[] held = {null};
        boolean[] needsTurn = {false};
        int admittedBy = 0;
        for (Key key : keys) {
            counts.compute(key, (k, count) -> {
                Count current = count == null || count.forgotten(now) ? new Count(0, 0, now, now) : count;
                Duration wait = now.isBefore(current.notBefore()) ? Duration.between(now, current.notBefore())
                        // Past its allowance, one attempt at a time: the others wait the shortest wait.
                        : current.deciding() > 0 && current.wrong() + current.deciding() >= k.scope().free
                        ? delay(k.scope(), k.scope().free + 1)
                        : Duration.ZERO;
                if (!wait.isZero()) {
                    held[0] = new HeldBack(wait, false);
                    return count;
                }
                needsTurn[0] |= slowed && k.scope() == Scope.ROLL_CALL_ADDRESS && (current.wrong() >= TURN_AFTER
                        || current.wrong() + current.deciding() >= TURN_AFTER_IN_FLIGHT);
                return new Count(current.wrong(), current.deciding() + 1, current.last(), current.notBefore());
            });
            if (held[0] != null) {
                end(new Admitted(keys.subList(0, admittedBy)), false, now);
                return held[0];
            }
            admittedBy++;
        }
        if (needsTurn[0]) {
            Duration turn = waitForTurn(classId, keys.getFirst(), now);
            if (!turn.isZero()) {
                end(new Admitted(keys), false, now);
                return new HeldBack(turn, true);
            }
        }
        sweepNowAndThen(now);
        return new Admitted(keys);
    }

    /** Ends {@code attempt}: counts a wrong code against each of its keys if {@code guess}. */
    public void end(Admitted attempt, boolean guess, Instant now) {
        for (Key key : attempt.keys()) {
            counts.computeIfPresent(key, (k, count) -> {
                int deciding = Math.max(0, count.deciding() - 1);
                if (!guess) {
                    return new Count(count.wrong(), deciding, count.last(), count.notBefore());
                }
                int wrong = count.wrong() + 1;
                return new Count(wrong, deciding, now, now.plus(delay(k.scope(), wrong)));
            });
        }
    }

    /** How many wrong codes the roll call of {@code classId} got in its current window, for its teacher. */
    public int wrongCodes(ClassId classId, Instant now) {
        Count count = counts.get(new Key(Scope.ROLL_CALL, classId.toString()));
        return count == null || count.forgotten(now) ? 0 : count.wrong();
    }

    private boolean slowed(ClassId classId, Instant now) {
        return wrongCodes(classId, now) >= SLOW_AFTER;
    }

    /** How long an attempt from {@code rollCallAddress} must wait for its turn; zero if its turn is now, which it then takes. */
    private Duration waitForTurn(ClassId classId, Key rollCallAddress, Instant now) {
        Instant[] turn = new Instant[1];
        turns.compute(rollCallAddress, (key, kept) -> {
            turn[0] = kept != null && !kept.plus(TURN_KEPT).isBefore(now) ? kept
                    : nextTurns.merge(classId.toString(), now.plus(TURN),
                    (next, unused) -> (next.isBefore(now) ? now : next).plus(TURN)).minus(TURN);
            return now.isBefore(turn[0]) ? turn[0] : null;
        });
        return now.isBefore(turn[0]) ? Duration.between(now, turn[0]) : Duration.ZERO;
    }

    private void sweepNowAndThen(Instant now) {
        if (newKeys.incrementAndGet() % SWEEP_EVERY != 0) {
            return;
        }
        counts.values().removeIf(count -> count.forgotten(now));
        turns.values().removeIf(turn -> turn.plus(TURN_KEPT).isBefore(now));
        nextTurns.values().removeIf(next -> next.plus(WINDOW).isBefore(now));
        if (counts.size() > MAX_KEYS) {
            counts.keySet().removeIf(key -> key.scope() == Scope.DEVICE);
        }
    }

    static Duration delay(Scope scope, int wrong) {
        int past = wrong - scope.free;
        if (past <= 0) {
            return Duration.ZERO;
        }
        Duration delay = scope.first.multipliedBy(1L << Math.min(past - 1, 20));
        return delay.compareTo(scope.ceiling) > 0 ? scope.ceiling : delay;
    }

    /** The roll call's address key comes first: {@link #begin} takes its turn by it. */
    private static List<Key> keys(ClassId classId, InetAddress from, Optional<DeviceId> device) {
        Key rollCallAddress = new Key(Scope.ROLL_CALL_ADDRESS, classId + " " + addressGroup(from));
        Key rollCall = new Key(Scope.ROLL_CALL, classId.toString());
        Key address = new Key(Scope.ADDRESS, addressGroup(from));
        return device.map(d -> List.of(rollCallAddress, new Key(Scope.DEVICE, d.value()), address, rollCall))
                .orElse(List.of(rollCallAddress, address, rollCall));
    }

    /** An IPv6 address counts by its /64, which one household or phone usually has whole. */
    public static String addressGroup(InetAddress from) {
        byte[] bytes = from.getAddress();
        if (from instanceof Inet6Address) {
            return Arrays.toString(Arrays.copyOf(bytes, 8)) + "/64";
        }
        return from.getHostAddress();
    }
}
