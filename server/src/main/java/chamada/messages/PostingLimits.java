package chamada.messages;

import chamada.rollcall.ClassId;
import chamada.rollcall.GuessLimits;
import chamada.rollcall.Matricula;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How fast messages may come: a few in a burst, then one every so often, per student of a class
 * and per address (an IPv6 /64 counts as one), each a token bucket. A class's questions are a few
 * a minute; what this stops is a phone or a script filling the teacher's inbox.
 *
 * <p>Design note. The address's allowance is larger than a student's, because a school's phones
 * may share one NAT address; an anonymous message counts on its address only. Counts are this
 * node's own: with several nodes, each limits what it sees, as {@link GuessLimits} does
 * (docs/DECISIONS.md). Thread-safe: one message is admitted at a time, so a burst of concurrent
 * posts cannot all find the last token.
 */
public final class PostingLimits {

    /** A key's allowance: {@code burst} messages at once, then one per {@code every}. */
    public record Allowance(int burst, Duration every) {
    }

    public static final Allowance PER_STUDENT = new Allowance(5, Duration.ofSeconds(12));
    public static final Allowance PER_ADDRESS = new Allowance(30, Duration.ofSeconds(2));
    /** Past this many keys, those with a full bucket again are swept out. */
    static final int SWEEP_ABOVE = 50_000;

    private record Key(String scope, String value) {
    }

    /** A bucket: {@code tokens} as of {@code at}. */
    private record Bucket(double tokens, Instant at) {
    }

    private final Allowance perStudent;
    private final Allowance perAddress;
    private final ConcurrentMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    public PostingLimits(Allowance perStudent, Allowance perAddress) {
        this.perStudent = perStudent;
        this.perAddress = perAddress;
    }

    /**
     * Takes one message's token from each of its keys, or none if any is empty: then answers how
     * long until it may send again.
     */
    public synchronized Optional<Duration> take(ClassId classId, Optional<Matricula> sender, InetAddress from,
                                                Instant now) {
        List<Key> keys = new ArrayList<>(2);
        List<Allowance> allowances = new ArrayList<>(2);
        sender.ifPresent(matricula -> {
            keys.add(new Key("student", classId.value() + "/" + matricula.value()));
            allowances.add(perStudent);
        });
        keys.add(new Key("address", GuessLimits.addressGroup(from)));
        allowances.add(perAddress);
        Duration wait = Duration.ZERO;
        for (int i = 0; i < keys.size(); i++) {
            Bucket bucket = refilled(keys.get(i), allowances.get(i), now);
            if (bucket.tokens() < 1) {
                Duration until = Duration.ofNanos((long) ((1 - bucket.tokens()) * allowances.get(i).every().toNanos()));
                wait = until.compareTo(wait) > 0 ? until : wait;
            }
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        for (Key key : keys) {
            buckets.computeIfPresent(key, (k, bucket) -> new Bucket(bucket.tokens() - 1, bucket.at()));
        }
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        return Optional.empty();
    }

    private Bucket refilled(Key key, Allowance allowance, Instant now) {
        return buckets.compute(key, (k, bucket) -> bucket == null
                ? new Bucket(allowance.burst(), now)
                : new Bucket(tokens(bucket, allowance, now), now.isAfter(bucket.at()) ? now : bucket.at()));
    }

    private static double tokens(Bucket bucket, Allowance allowance, Instant now) {
        double gained = now.isAfter(bucket.at())
                ? (double) Duration.between(bucket.at(), now).toNanos() / allowance.every().toNanos() : 0;
        return Math.min(allowance.burst(), bucket.tokens() + gained);
    }

    private void sweep(Instant now) {
        buckets.entrySet().removeIf(entry -> {
            Allowance allowance = entry.getKey().scope().equals("student") ? perStudent : perAddress;
            return tokens(entry.getValue(), allowance, now) >= allowance.burst();
        });
    }
}
