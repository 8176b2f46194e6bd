package chamada.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunResultTest {

    private static final LoadPlan PLAN = new LoadPlan(2, Duration.ZERO, Duration.ofSeconds(1), 1, 1, Duration.ZERO,
            Duration.ofSeconds(1), Duration.ZERO);

    private static RunResult round(long checkIns, long latency, boolean ok, Optional<Duration> cpu) {
        Histogram histogram = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
        histogram.recordValueWithCount(latency, checkIns);
        ExactlyOnce verdict = new ExactlyOnce(ok, checkIns, checkIns, 0, ok ? List.of() : List.of("class 1: bad"));
        return new RunResult("chamada", PLAN, Duration.ofSeconds(1), checkIns, histogram, 0, Optional.empty(), verdict,
                cpu);
    }

    @Test
    void combine_addsCountsAndTimes_mergesLatencies_keepsProblems() {
        RunResult combined = RunResult.combine(List.of(
                round(100, 1_000, true, Optional.of(Duration.ofMillis(10))),
                round(300, 9_000, false, Optional.of(Duration.ofMillis(30)))));

        assertThat(combined.throughput()).isEqualTo(200.0);
        assertThat(combined.latency().count()).isEqualTo(400);
        assertThat(combined.latency().p50()).isBetween(9_000L, 9_009L);
        assertThat(combined.latency().max()).isBetween(9_000L, 9_009L);
        assertThat(combined.exactlyOnce().problems()).containsExactly("class 1: bad");
        assertThat(combined.passed()).isFalse();
        assertThat(combined.serverCpuMicrosPerCheckIn()).contains(100.0);
    }

    @Test
    void combine_cpuUnknownInOneRound_isUnknown() {
        RunResult combined = RunResult.combine(List.of(round(1, 1, true, Optional.empty()),
                round(1, 1, true, Optional.of(Duration.ofMillis(1)))));

        assertThat(combined.serverCpu()).isEmpty();
        assertThat(combined.passed()).isTrue();
    }
}
