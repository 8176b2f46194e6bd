package chamada.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.time.Duration;

/**
 * A store's meters: {@code chamada_store_sync_seconds}, how long each group of writes took to
 * become durable (the journal's fsync, or PostgreSQL's commit), tagged with the store's kind.
 * They record into a registry of their own until {@link #bindTo} adds the server's, so a store
 * a test opens records nowhere. Thread-safe.
 */
public final class StoreMeters implements MeterBinder {

    /** From a disk cache's answer to a disk or a database in trouble. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(250_000),
            Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final Timer syncs;

    /** The meters of a store of kind {@code store}: {@code journal} or {@code postgres}. */
    public StoreMeters(String store) {
        this.syncs = Timer.builder("chamada.store.sync")
                .description("Time for one group of writes to become durable: the journal's fsync, or PostgreSQL's"
                        + " commit")
                .tag("store", store)
                .serviceLevelObjectives(BUCKETS)
                .register(meters);
    }

    /** Where the store records each group's time. */
    public Timer syncs() {
        return syncs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.add(registry);
    }
}
