package chamada.web;

import chamada.application.Application;
import chamada.metrics.FrontMeters;
import chamada.metrics.ServerMetrics;
import chamada.net.AddressLimiter;
import chamada.rollcall.Network;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The web front, assembled: the phone page, the teacher's pages, the projector and the JSON API
 * over one {@link Application}, served by a {@link WebServer}. Built once by the server's composition root when the web front is on.
 */
public final class HttpFront implements AutoCloseable, MeterBinder {

    private final WebServer server;
    private final EventStreams streams;

    private HttpFront(WebServer server, EventStreams streams) {
        this.server = server;
        this.streams = streams;
    }

    /**
     * Starts the web front on {@code config}, answering through {@code application}, counting
     * connections in {@code limiter} with the other ports, believing {@code X-Forwarded-For}
     * from {@code trustedProxies} only, serving {@code metrics} at {@code /metrics}.
     */
    public static HttpFront start(WebConfig config, Application application, List<Network> trustedProxies,
                                  AddressLimiter limiter, ServerMetrics metrics) throws IOException {
        Pages pages = new Pages(config.lang());
        ClientAddresses addresses = new ClientAddresses(trustedProxies);
        EventStreams streams = new EventStreams(application);
        ApiHandler api = new ApiHandler(application, pages.languages(), addresses, streams);
        CheckInPage checkInPage = new CheckInPage(pages);
        StudentClassPage studentPage = new StudentClassPage(application, pages, addresses);
        TeacherSessions sessions = new TeacherSessions(application, addresses);
        TeacherPages teacher = new TeacherPages(application, pages, sessions, config.tls());
        ClassPages classes = new ClassPages(application, pages, sessions,
                new ProjectorPage(application, pages, streams, config.bind()), api, streams);
        WebRoutes routes = new WebRoutes()
                .get("/", checkInPage)
                .get("/c/*", checkInPage)
                .post("/check-in", new CheckInAction(application, checkInPage, pages, addresses))
                .get("/s/*", studentPage)
                .post("/s/*", studentPage)
                .get("/teacher", teacher)
                .get("/teacher/*", teacher)
                .post("/teacher/*", teacher)
                .get("/classes/*", classes)
                .post("/classes/*", classes)
                .put("/classes/*", classes)
                .get(ApiHandler.PATH + "/*", api)
                .post(ApiHandler.PATH + "/*", api)
                .put(ApiHandler.PATH + "/*", api)
                .delete(ApiHandler.PATH + "/*", api)
                // Where monitors look first: the API's health at the root too, and the meters.
                .get("/health", api.health())
                .get("/metrics", new MetricsHandler(metrics));
        return new HttpFront(WebServer.start(config, routes, limiter), streams);
    }

    /**
     * Its connections now ({@code chamada_connections{port="http"}}) and the pages' event streams
     * ({@code chamada_watchers{front="web"}}).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        FrontMeters.connections(registry, "http", server, WebServer::connections);
        FrontMeters.watchers(registry, "web", streams, EventStreams::open);
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public int port() {
        return server.port();
    }

    /** Ends the event streams, then stops the web server gracefully. */
    @Override
    public void close() {
        streams.close();
        server.close();
    }
}
