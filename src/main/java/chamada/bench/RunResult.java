package chamada.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * What one run measured against one target.
 *
 * @param target      {@code chamada} or {@code redis}
 * @param plan        what was run
 * @param measured    how long the measured window really lasted
 * @param checkIns    check-ins started in the measured window and acknowledged
 * @param latency     their latencies, from sending to reading the reply
 * @param errors      failed connects, refused check-ins and replies that never came, over the whole run
 * @param firstError  the first of them, for people
 * @param exactlyOnce the verdict of the check at the end
 */
public record RunResult(String target, LoadPlan plan, Duration measured, long checkIns, LatencySummary latency,
                        long errors, Optional<String> firstError, ExactlyOnce exactlyOnce) {

    /** Acknowledged check-ins per second in the measured window. */
    public double throughput() {
        double seconds = measured.toNanos() / 1e9;
        return seconds > 0 ? checkIns / seconds : 0;
    }

    /** Whether the run counts: no errors and every acknowledged check-in counted exactly once. */
    public boolean passed() {
        return errors == 0 && exactlyOnce.ok();
    }
}
