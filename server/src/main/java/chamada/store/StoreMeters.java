package chamada.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A store's meters: {@code chamada_store_sync_seconds}, how long each group of writes took to
 * become durable (the journal's fsync, or PostgreSQL's commit), tagged with the store's kind.
 * Nothing is recorded until {@link #bindTo} gives it the server's registry, so a store a test
 * opens records nowhere. Thread-safe.
 */
public final class StoreMeters implements MeterBinder {

    /** From a disk cache's answer to a disk or a database in trouble. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(250_000),
            Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final String store;
    private volatile Timer syncs;

    /** The meters of a store of kind {@code store}: {@code journal} or {@code postgres}. */
    public StoreMeters(String store) {
        this.store = store;
    }

    /** Records one group's time to become durable, {@code nanos}; on the store's writer thread. */
    public void synced(long nanos) {
        Timer timer = syncs;
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        syncs = Timer.builder("chamada.store.sync")
                .description("Time for one group of writes to become durable: the journal's fsync, or PostgreSQL's"
                        + " commit")
                .tag("store", store)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
