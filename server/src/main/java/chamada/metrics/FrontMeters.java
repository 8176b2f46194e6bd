package chamada.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/**
 * The meters every front has, named in one place so that each port's and each front's figures are
 * one series apart by a tag: {@code chamada_connections{port=…}} and {@code chamada_watchers{front=…}}.
 */
public final class FrontMeters {

    private FrontMeters() {
    }

    /** Registers {@code port}'s connections now, {@code count} of {@code source} at each scrape. */
    public static <T> void connections(MeterRegistry registry, String port, T source, ToDoubleFunction<T> count) {
        Gauge.builder("chamada.connections", source, count).description("Connections served now, by port")
                .tag("port", port).register(registry);
    }

    /** Registers {@code front}'s live views being sent events now, {@code count} of {@code source} at each scrape. */
    public static <T> void watchers(MeterRegistry registry, String front, T source, ToDoubleFunction<T> count) {
        Gauge.builder("chamada.watchers", source, count)
                .description("Live views being sent events now: teacher watch on the native port, pages' event streams")
                .tag("front", front).register(registry);
    }
}
