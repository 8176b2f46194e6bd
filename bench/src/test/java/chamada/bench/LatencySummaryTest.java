package chamada.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the bench reports of a run's latencies: percentiles from HdrHistogram, never below what was measured. */
class LatencySummaryTest {

    @Test
    void of_empty_isZeros() {
        assertThat(LatencySummary.of(new Histogram(LatencySummary.SIGNIFICANT_DIGITS)))
                .isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
    }

    @Test
    void of_oneToOneMillionMicros_withinOneThousandthAbove() {
        Histogram histogram = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
        for (long micros = 1; micros <= 1_000_000; micros++) {
            histogram.recordValue(micros * 1_000);
        }

        LatencySummary summary = LatencySummary.of(histogram);

        assertThat(summary.count()).isEqualTo(1_000_000);
        assertThat(summary.p50()).isBetween(500_000_000L, 500_500_000L);
        assertThat(summary.p99()).isBetween(990_000_000L, 990_990_000L);
        assertThat(summary.p999()).isBetween(999_000_000L, 999_999_000L);
        assertThat(summary.max()).isBetween(1_000_000_000L, 1_001_000_000L);
    }

    @Test
    void of_valuesFromManyThreads_countsEveryOne() {
        ConcurrentHistogram histogram = new ConcurrentHistogram(LatencySummary.SIGNIFICANT_DIGITS);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                threads.execute(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        histogram.recordValue(1_000 + i);
                    }
                });
            }
        }

        LatencySummary summary = LatencySummary.of(histogram);

        assertThat(summary.count()).isEqualTo(80_000);
        assertThat(summary.max()).isBetween(10_999L, 11_007L);
    }

    @Test
    void new_percentilesOutOfOrder_isRefused() {
        assertThatThrownBy(() -> new LatencySummary(1, 5, 4, 6, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p50 <= p99");
    }
}
