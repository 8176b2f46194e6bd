package chamada.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void percentile_empty_isZero() {
        LatencyHistogram histogram = new LatencyHistogram();

        assertThat(histogram.percentile(99)).isZero();
        assertThat(histogram.summary()).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
    }

    @Test
    void percentile_smallValues_areExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            histogram.record(v);
        }

        assertThat(histogram.percentile(50)).isEqualTo(50);
        assertThat(histogram.percentile(99)).isEqualTo(99);
        assertThat(histogram.percentile(100)).isEqualTo(100);
        assertThat(histogram.percentile(0)).isEqualTo(1);
    }

    @Test
    void percentile_oneToOneMillionMicros_withinOnePercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 1_000_000; micros++) {
            histogram.record(micros * 1_000);
        }

        assertThat(histogram.count()).isEqualTo(1_000_000);
        assertThat((double) histogram.percentile(50)).isCloseTo(500_000_000, within(5_000_000.0));
        assertThat((double) histogram.percentile(99)).isCloseTo(990_000_000, within(9_900_000.0));
        assertThat((double) histogram.percentile(99.9)).isCloseTo(999_000_000, within(9_990_000.0));
        assertThat(histogram.max()).isEqualTo(1_000_000_000L);
    }

    @Test
    void percentile_neverBelowTheTrueValue_norAboveMax() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(1_234_567);

        assertThat(histogram.percentile(50)).isEqualTo(1_234_567);
        histogram.record(1_000_000);
        assertThat(histogram.percentile(50)).isBetween(1_000_000L, 1_000_000L + 1_000_000L / 128);
    }

    @Test
    void record_hugeValue_landsInLastBucketAndKeepsExactMax() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(Long.MAX_VALUE);
        histogram.record(-5);

        assertThat(histogram.max()).isEqualTo(Long.MAX_VALUE);
        assertThat(histogram.percentile(100)).isEqualTo(LatencyHistogram.highestIn(LatencyHistogram.BUCKETS - 1));
        assertThat(histogram.percentile(1)).isZero();
    }

    @Test
    void index_isMonotonic_andHighestInIsItsInverseEdge() {
        int previous = -1;
        for (long v = 0; v < 1L << 20; v += 7) {
            int index = LatencyHistogram.index(v);
            assertThat(index).isGreaterThanOrEqualTo(previous);
            assertThat(LatencyHistogram.highestIn(index)).isGreaterThanOrEqualTo(v);
            assertThat(LatencyHistogram.index(LatencyHistogram.highestIn(index))).isEqualTo(index);
            assertThat(LatencyHistogram.index(LatencyHistogram.highestIn(index) + 1)).isEqualTo(index + 1);
            previous = index;
        }
        assertThat(LatencyHistogram.index(1L << 38) ).isEqualTo(LatencyHistogram.BUCKETS);
    }

    @Test
    void record_fromManyThreads_countsEveryValue() {
        LatencyHistogram histogram = new LatencyHistogram();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                threads.execute(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        histogram.record(1_000 + i);
                    }
                });
            }
        }

        assertThat(histogram.count()).isEqualTo(80_000);
        assertThat(histogram.max()).isEqualTo(10_999);
    }

    @Test
    void percentile_outOfRange_isRefused() {
        assertThatThrownBy(() -> new LatencyHistogram().percentile(101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101");
    }
}
