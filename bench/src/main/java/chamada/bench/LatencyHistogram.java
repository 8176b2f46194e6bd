package chamada.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A log-linear histogram of latencies in nanoseconds, with a relative error under 1%, that
 * many threads record into at once.
 *
 * <p>Design note. Values below {@value #SUB_BUCKETS}·2 are counted exactly; above, each
 * power of two is split into {@value #SUB_BUCKETS} equal buckets, so a bucket is never wider
 * than 1/128 of its values (the layout of HdrHistogram, which is not a dependency here).
 * Values from 0 to about 4.5 minutes (2^38 ns) fit in 4,096 buckets; larger ones land in the last
 * bucket, and the exact maximum is kept apart. One histogram is shared by every connection of
 * a run rather than one per connection, because 10,000 connections would need 10,000 copies;
 * recording is two atomic adds, which costs nothing next to a network round trip.
 *
 * <p>Thread-safe; a percentile read while others record sees some recent values or not.
 */
public final class LatencyHistogram {

    static final int SUB_BUCKET_BITS = 7;
    static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    /** Highest power of two with buckets of its own: up to 2^38 ns, about 4.5 minutes. */
    static final int MAX_EXPONENT = 37;
    static final int BUCKETS = (MAX_EXPONENT - SUB_BUCKET_BITS + 1) * SUB_BUCKETS + SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder total = new LongAdder();
    private final AtomicLong max = new AtomicLong();

    /** Counts one latency of {@code nanos} (negative counts as 0). */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet(Math.min(index(value), BUCKETS - 1));
        total.increment();
        if (value > max.get()) {
            max.accumulateAndGet(value, Math::max);
        }
    }

    /** Adds everything {@code other} recorded to this one (for runs made of several rounds). */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long n = other.counts.get(i);
            if (n != 0) {
                counts.addAndGet(i, n);
            }
        }
        total.add(other.count());
        max.accumulateAndGet(other.max(), Math::max);
    }

    /** How many latencies were recorded. */
    public long count() {
        return total.sum();
    }

    /** The largest latency recorded, exactly; 0 when empty. */
    public long max() {
        return max.get();
    }

    /**
     * The latency that {@code percentile} percent of the recorded ones do not exceed (nearest
     * rank), as the upper edge of its bucket but never above {@link #max()}; 0 when empty.
     */
    public long percentile(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be from 0 to 100, got " + percentile);
        }
        long n = count();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(highestIn(i), max());
            }
        }
        return max();
    }

    /** p50, p99, p99.9 and max of what was recorded, in nanoseconds. */
    public LatencySummary summary() {
        return new LatencySummary(count(), percentile(50), percentile(99), percentile(99.9), max());
    }

    /** The bucket of {@code value} (≥ 0), unbounded above. */
    static int index(long value) {
        if (value < 2L * SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BUCKET_BITS;
        return (shift + 1) * SUB_BUCKETS + (int) ((value >>> shift) - SUB_BUCKETS);
    }

    /** The largest value that falls in bucket {@code index}. */
    static long highestIn(int index) {
        if (index < 2 * SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long sub = index % SUB_BUCKETS + SUB_BUCKETS;
        return ((sub + 1) << shift) - 1;
    }
}
