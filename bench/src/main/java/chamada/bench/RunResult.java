package chamada.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one run (or several rounds of the same run, added up) measured against one target.
 *
 * @param target      {@code chamada} or {@code redis}
 * @param plan        what was run
 * @param measured    how long the measured windows lasted, together
 * @param checkIns    check-ins started in the measured windows and acknowledged
 * @param latencies   their latencies in nanoseconds, from sending to reading the reply; not changed once the
 *                    run is over
 * @param errors      failed connects, refused check-ins and replies that never came, over the whole run
 * @param firstError  the first of them, for people
 * @param exactlyOnce the verdict of the check at the end
 * @param serverCpu   CPU time the server process used over the whole run (warm-up, set-up and check
 *                    included), when its process id was given
 * @param watchers    what the live-view event streams open during the run heard ({@code --sse-watchers})
 */
public record RunResult(String target, LoadPlan plan, Duration measured, long checkIns, Histogram latencies,
                        long errors, Optional<String> firstError, ExactlyOnce exactlyOnce,
                        Optional<Duration> serverCpu, Optional<WatchResult> watchers) {

    /** A run without watchers. */
    public RunResult(String target, LoadPlan plan, Duration measured, long checkIns, Histogram latencies,
                     long errors, Optional<String> firstError, ExactlyOnce exactlyOnce, Optional<Duration> serverCpu) {
        this(target, plan, measured, checkIns, latencies, errors, firstError, exactlyOnce, serverCpu, Optional.empty());
    }

    /** Acknowledged check-ins per second in the measured window. */
    public double throughput() {
        double seconds = measured.toNanos() / 1e9;
        return seconds > 0 ? checkIns / seconds : 0;
    }

    public LatencySummary latency() {
        return LatencySummary.of(latencies);
    }

    /** Server CPU microseconds per check-in the server counts, when known. */
    public Optional<Double> serverCpuMicrosPerCheckIn() {
        long counted = exactlyOnce.counted();
        return serverCpu.filter(cpu -> counted > 0).map(cpu -> cpu.toNanos() / 1e3 / counted);
    }

    /**
     * Whether the run counts: no errors, every acknowledged check-in counted exactly once, and, with
     * watchers, every check-in heard by every stream of its class.
     */
    public boolean passed() {
        return errors == 0 && exactlyOnce.ok() && watchers.map(WatchResult::ok).orElse(true);
    }

    /** This result with the server's CPU time over the run. */
    public RunResult withServerCpu(Optional<Duration> cpu) {
        return new RunResult(target, plan, measured, checkIns, latencies, errors, firstError, exactlyOnce, cpu,
                watchers);
    }

    /** This result with what its watchers heard. */
    public RunResult withWatchers(Optional<WatchResult> heard) {
        return new RunResult(target, plan, measured, checkIns, latencies, errors, firstError, exactlyOnce, serverCpu,
                heard);
    }

    /** Rounds of the same run added up: counts and times summed, latencies merged, every check kept. */
    public static RunResult combine(List<RunResult> rounds) {
        RunResult first = rounds.getFirst();
        if (rounds.size() == 1) {
            return first;
        }
        Duration measured = Duration.ZERO;
        long checkIns = 0;
        long errors = 0;
        Histogram latencies = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
        Optional<String> firstError = Optional.empty();
        long acknowledged = 0;
        long counted = 0;
        long inDoubt = 0;
        List<String> problems = new ArrayList<>();
        Optional<Duration> cpu = Optional.of(Duration.ZERO);
        List<WatchResult> heard = new ArrayList<>();
        for (RunResult round : rounds) {
            if (!round.target().equals(first.target()) || !round.plan().equals(first.plan())) {
                throw new IllegalArgumentException("rounds of different runs: " + round.target() + " " + round.plan());
            }
            measured = measured.plus(round.measured());
            checkIns += round.checkIns();
            errors += round.errors();
            latencies.add(round.latencies());
            firstError = firstError.or(round::firstError);
            acknowledged += round.exactlyOnce().acknowledged();
            counted += round.exactlyOnce().counted();
            inDoubt += round.exactlyOnce().inDoubt();
            problems.addAll(round.exactlyOnce().problems());
            cpu = cpu.flatMap(total -> round.serverCpu().map(total::plus));
            round.watchers().ifPresent(heard::add);
        }
        Optional<WatchResult> watchers = heard.isEmpty() ? Optional.empty() : Optional.of(WatchResult.combine(heard));
        return new RunResult(first.target(), first.plan(), measured, checkIns, latencies, errors, firstError,
                new ExactlyOnce(problems.isEmpty(), acknowledged, counted, inDoubt, problems), cpu, watchers);
    }
}
