package chamada.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A server's meters, written for {@code GET /metrics} in the Prometheus text format: the JVM's
 * (memory, garbage collection, threads, classes, CPU, open files, uptime) from Micrometer's own
 * binders, and whatever each part of the server binds to {@link #registry()}.
 *
 * <p>Built once by the server, which binds the application, the store and the fronts to it;
 * thread-safe, as Micrometer's registries are.
 */
public final class ServerMetrics implements AutoCloseable {

    /** The content type of {@link #scrape}'s text, the one Prometheus asks for first without protobuf. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Listens to the garbage collector's notifications until closed. */
    private final JvmGcMetrics garbageCollection = new JvmGcMetrics();

    public ServerMetrics() {
        for (MeterBinder binder : new MeterBinder[] {new JvmMemoryMetrics(), garbageCollection, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new FileDescriptorMetrics(), new UptimeMetrics(),
                new JvmInfoMetrics()}) {
            binder.bindTo(registry);
        }
    }

    /** Where the server's parts register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Writes every meter's value now, in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public void scrape(OutputStream out) throws IOException {
        registry.scrape(out);
    }

    @Override
    public void close() {
        garbageCollection.close();
        registry.close();
    }
}
