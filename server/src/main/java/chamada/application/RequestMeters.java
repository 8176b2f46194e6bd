package chamada.application;

import chamada.protocol.Op;
import chamada.protocol.Request;
import chamada.protocol.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of what the application answers, whichever front asked: {@code chamada_requests_seconds},
 * how long each request took from its decoding to its reply, by operation and outcome ({@code ok},
 * or the refusal's wire code, or {@code error} for a bug), and {@code chamada_checkins_total}, the
 * students a check-in registered (a repeated one is not counted again). Both tags come from closed
 * sets (operations, error codes), so no client can make the series grow.
 *
 * <p>Nothing is recorded until {@link #bindTo} gives it the server's registry, so an application
 * built by a test records nowhere. Recorded on whichever thread completes a reply (the journal
 * writer's, often): one map lookup per request, never a failure of the request's own.
 */
final class RequestMeters implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(RequestMeters.class);

    /** The histogram's buckets: from a fast in-memory answer to a write stuck behind a slow disk. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(250_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private record Series(Op op, String outcome) {
    }

    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile Counter registered;

    /** Records {@code request}, begun at {@code startNanos} ({@link System#nanoTime}), answered {@code reply} or failed. */
    void answered(Request request, Response reply, Throwable failure, long startNanos) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        try {
            String outcome = failure != null ? "error" : reply instanceof Response.Refusal refused
                    ? refused.code().wireName() : "ok";
            timers.computeIfAbsent(new Series(Op.of(request), outcome), series -> Timer.builder("chamada.requests")
                            .description("Requests answered, and how long each took, by operation and outcome (ok or"
                                    + " the refusal's code)")
                            .tags("op", series.op().wire(), "outcome", series.outcome())
                            .serviceLevelObjectives(BUCKETS)
                            .register(meters))
                    .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
            if (reply instanceof Response.CheckedIn checkedIn && !checkedIn.alreadyRegistered()) {
                registered.increment();
            }
        } catch (RuntimeException e) {
            // A meter must never turn an answered request into a failed one.
            log.warn("Recording a request's meters failed: {}", e.toString());
        }
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        timers.clear();
        registered = Counter.builder("chamada.checkins")
                .description("Students a check-in registered; a repeated check-in is not counted again").register(meters);
        registry = meters;
    }
}
