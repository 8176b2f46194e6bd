package chamada.bench;

import org.HdrHistogram.AbstractHistogram;

/**
 * The latencies of one run, in nanoseconds: how many, the median, p99, p99.9 and the maximum.
 */
public record LatencySummary(long count, long p50, long p99, long p999, long max) {

    /**
     * Significant digits the latency histograms keep: every figure is within 0.1% of a latency
     * measured, never below it, whatever its size.
     */
    static final int SIGNIFICANT_DIGITS = 3;

    public LatencySummary {
        if (count < 0 || p50 < 0 || p99 < p50 || p999 < p99 || max < p999) {
            throw new IllegalArgumentException("latencies must be ordered p50 <= p99 <= p99.9 <= max, got "
                    + p50 + ", " + p99 + ", " + p999 + ", " + max);
        }
    }

    /** What {@code latencies} (in nanoseconds) recorded; all zeros when it is empty. */
    static LatencySummary of(AbstractHistogram latencies) {
        return new LatencySummary(latencies.getTotalCount(), latencies.getValueAtPercentile(50),
                latencies.getValueAtPercentile(99), latencies.getValueAtPercentile(99.9), latencies.getMaxValue());
    }

    /** Milliseconds, for people and JSON. */
    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
