package chamada.bench;

/**
 * The latencies of one run, in nanoseconds: how many, the median, p99, p99.9 and the maximum.
 */
public record LatencySummary(long count, long p50, long p99, long p999, long max) {

    public LatencySummary {
        if (count < 0 || p50 < 0 || p99 < p50 || p999 < p99 || max < p999) {
            throw new IllegalArgumentException("latencies must be ordered p50 <= p99 <= p99.9 <= max, got "
                    + p50 + ", " + p99 + ", " + p999 + ", " + max);
        }
    }

    /** Milliseconds, for people and JSON. */
    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
