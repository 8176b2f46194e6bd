package chamada.application;

import chamada.protocol.Op;
import chamada.protocol.Request;
import chamada.protocol.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The meters of what the application answers, whichever front asked: {@code chamada_requests_seconds},
 * how long each request took from its decoding to its reply, by operation and outcome ({@code ok},
 * or the refusal's wire code, or {@code error} for a bug), and {@code chamada_checkins_total}, the
 * students a check-in registered (a repeated one is not counted again).
 *
 * <p>The meters live in a registry of their own until {@link #bindTo} adds the server's to it, so an
 * application built by a test records nothing anywhere. Thread-safe.
 */
final class RequestMeters implements MeterBinder {

    /** The histogram's buckets: from a fast in-memory answer to a write stuck behind a slow disk. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(250_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final Counter registered = Counter.builder("chamada.checkins")
            .description("Students a check-in registered; a repeated check-in is not counted again").register(meters);

    /** Records {@code request}, begun at {@code startNanos} ({@link System#nanoTime}), answered {@code reply} or failed. */
    void answered(Request request, Response reply, Throwable failure, long startNanos) {
        long took = System.nanoTime() - startNanos;
        String outcome = failure != null ? "error" : reply instanceof Response.Refusal refused
                ? refused.code().wireName() : "ok";
        Timer.builder("chamada.requests")
                .description("Requests answered, and how long each took, by operation and outcome (ok or the refusal's"
                        + " code)")
                .tags("op", Op.of(request).wire(), "outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(meters)
                .record(took, TimeUnit.NANOSECONDS);
        if (reply instanceof Response.CheckedIn checkedIn && !checkedIn.alreadyRegistered()) {
            registered.increment();
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.add(registry);
    }
}
