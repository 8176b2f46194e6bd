package chamada.bench;

import org.HdrHistogram.Histogram;

/**
 * What the connections of one loop measured: latencies and check-ins in the measured window,
 * and the check-ins acknowledged as new. Written only on its loop's thread, with no atomics;
 * read once the loops have stopped.
 */
final class LoopTally {

    final Histogram latencies = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
    final Acknowledged acknowledged = new Acknowledged();
    long measured;

    /** A check-in of the measured window, acknowledged {@code nanos} after it was sent. */
    void measured(long nanos) {
        latencies.recordValue(nanos);
        measured++;
    }
}
