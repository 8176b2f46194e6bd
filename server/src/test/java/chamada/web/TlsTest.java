package chamada.web;

import chamada.net.TlsCertificate;
import chamada.testing.TestTls;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The web front with a certificate: HTTPS on its one port, and cookies a browser sends only over HTTPS. */
class TlsTest {

    @Test
    void get_overHttpsWithAnRsaCertificate_answersThePhonePage() {
        try (TestWeb web = TestWeb.start(tls("rsa-cert.pem", "rsa-key.pem"), routes -> routes)) {
            HttpResponse<String> page = web.get("/", "en");

            assertThat(page.uri().getScheme()).isEqualTo("https");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<form").contains(WebText.CHECK_IN_HEADING.en());
            assertThat(page.sslSession()).hasValueSatisfying(
                    session -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
        }
    }

    @Test
    void get_overHttpsWithAnEcCertificate_answersThePhonePage() {
        try (TestWeb web = TestWeb.start(tls("ec-cert.pem", "ec-key.pem"), routes -> routes)) {
            assertThat(web.get("/").statusCode()).isEqualTo(200);
        }
    }

    /** The client trusts only the root: it connects only if the server sends the intermediate too. */
    @Test
    void get_withAChain_sendsTheIntermediateSoAClientTrustingOnlyTheRootConnects() throws Exception {
        try (TestWeb web = TestWeb.start(tls("chain-cert.pem", "chain-key.pem"), routes -> routes)) {
            HttpResponse<String> page = web.get("/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.sslSession().orElseThrow().getPeerCertificates()).hasSize(2);
        }
    }

    @Test
    void cookies_overHttps_areSecureHttpOnlyAndStrict() {
        try (TestWeb web = TestWeb.start(tls("rsa-cert.pem", "rsa-key.pem"), routes -> routes)) {
            List<String> cookies = web.get("/?lang=pt-BR").headers().allValues("Set-Cookie");

            assertThat(cookies).extracting(cookie -> cookie.substring(0, cookie.indexOf('=')))
                    .containsExactlyInAnyOrder(BrowserCookies.DEVICE, BrowserCookies.FORM, Languages.NAME);
            assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure")
                    .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        }
    }

    /** Without TLS a Secure cookie would never come back: the browser sends it over HTTPS only. */
    @Test
    void cookies_overPlainHttp_areNotSecure() {
        try (TestWeb web = TestWeb.start()) {
            List<String> cookies = web.get("/?lang=pt-BR").headers().allValues("Set-Cookie");

            assertThat(cookies).hasSize(3).noneSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
        }
    }

    /** docs/DECISIONS.md: a school that turns TLS off again must not leave phones refusing plain HTTP. */
    @Test
    void get_overHttps_sendsNoStrictTransportSecurity() {
        try (TestWeb web = TestWeb.start(tls("rsa-cert.pem", "rsa-key.pem"), routes -> routes)) {
            assertThat(web.get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void get_overPlainHttpToTheTlsPort_fails() {
        try (TestWeb web = TestWeb.start(tls("rsa-cert.pem", "rsa-key.pem"), routes -> routes);
             HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .connectTimeout(TestWeb.TIMEOUT).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.server().port() + "/"))
                    .timeout(TestWeb.TIMEOUT).build();

            assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            // The failed handshake leaves the server as it was.
            assertThat(web.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void config_withACertificate_saysTls() {
        assertThat(WebConfig.forTests().tls()).isFalse();
        assertThat(tls("rsa-cert.pem", "rsa-key.pem").apply(WebConfig.forTests()).tls()).isTrue();
    }

    private static UnaryOperator<WebConfig> tls(String certificate, String key) {
        TlsCertificate read = TestTls.certificate(certificate, key);
        return config -> config.withTls(read);
    }
}
