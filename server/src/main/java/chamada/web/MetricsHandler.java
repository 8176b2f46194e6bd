package chamada.web;

import chamada.metrics.ServerMetrics;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * {@code GET /metrics}: the server's meters in the Prometheus text format, for a Prometheus
 * server's scrape. Answered to whoever reaches the web port, as exporters are: the figures are
 * counts and times, never a name, a matrícula or a class's roster (docs/DECISIONS.md).
 *
 * <p>Runs on the web server's virtual threads; a scrape reads the store once (the open roll calls).
 */
final class MetricsHandler extends Handler.Abstract {

    private final ServerMetrics metrics;

    MetricsHandler(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        metrics.scrape(text);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ServerMetrics.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(text.toByteArray()), callback);
        return true;
    }
}
