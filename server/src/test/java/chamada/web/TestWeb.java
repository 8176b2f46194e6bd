package chamada.web;

import chamada.i18n.Lang;
import chamada.testing.TestTls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real web front on a free loopback port, with the pages it has today (the check-in page
 * at {@code /}, {@code POST /check-in} not ready) plus any routes a test adds, and an HTTP
 * client for it: over HTTPS, trusting the test certificates ({@link TestTls}), when the config
 * has TLS.
 */
final class TestWeb implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final WebServer server;
    private final WebConfig config;
    private final HttpClient client;

    private TestWeb(WebConfig config, WebRoutes routes) {
        this.config = config;
        this.client = config.tls() ? TestTls.client(TIMEOUT) : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            this.server = WebServer.start(config, routes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestWeb start() {
        return start(config -> config, routes -> routes);
    }

    /** Starts with the test config changed by {@code customize} and the standard routes changed by {@code extra}. */
    static TestWeb start(UnaryOperator<WebConfig> customize, UnaryOperator<WebRoutes> extra) {
        WebConfig config = customize.apply(WebConfig.forTests());
        return new TestWeb(config, extra.apply(standardRoutes(config.lang())));
    }

    static WebRoutes standardRoutes(Lang lang) {
        return new WebRoutes()
                .get("/", new CheckInPage(new Pages(lang)))
                .post("/check-in", new NotReady());
    }

    WebConfig config() {
        return config;
    }

    WebServer server() {
        return server;
    }

    URI uri(String pathAndQuery) {
        return URI.create((config.tls() ? "https" : "http") + "://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery));
    }

    /** A GET as a browser set to {@code acceptLanguage} sends it. */
    HttpResponse<String> get(String pathAndQuery, String acceptLanguage) {
        return send(request(pathAndQuery).header("Accept-Language", acceptLanguage));
    }

    /** Closes the client first: Jetty's graceful stop gives connections still open a second to go idle. */
    @Override
    public void close() {
        client.close();
        server.close();
    }
}
