package chamada.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The security headers are on every response, and no header names the server's software. */
class SecurityHeadersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page", "asset", "not found", "headers too large", "method not allowed", "not ready"})
    void response_ofAnyKind_carriesTheSecurityHeaders(String kind) {
        try (TestWeb web = TestWeb.start()) {
            HttpRequest.Builder request = switch (kind) {
                case "page" -> web.request("/");
                case "asset" -> web.request("/assets/chamada.js");
                case "not found" -> web.request("/nothing");
                case "headers too large" -> web.request("/").header("X-Padding", "x".repeat(10_000));
                case "method not allowed" -> web.request("/").DELETE();
                case "not ready" -> web.request("/check-in").POST(HttpRequest.BodyPublishers.noBody());
                default -> throw new IllegalArgumentException(kind);
            };
            HttpResponse<String> response = web.send(request);

            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().map()).doesNotContainKeys("server", "x-powered-by");
        }
    }
}
