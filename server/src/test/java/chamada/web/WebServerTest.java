package chamada.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting and stopping the web front, and the threads it runs handlers on. */
class WebServerTest {

    @Test
    void start_onPortZero_servesOnTheBoundPortAndPrintsItsStartTime() {
        long started = System.nanoTime();
        try (TestWeb web = TestWeb.start()) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("WebServer.start took " + millis + " ms in this JVM");

            assertThat(web.server().port()).isPositive();
            assertThat(web.server().address().getPort()).isEqualTo(web.server().port());
            assertThat(web.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void startAndClose_twiceInOneJvm_bothServe() {
        for (int round = 0; round < 2; round++) {
            try (TestWeb web = TestWeb.start()) {
                assertThat(web.get("/").statusCode()).as("round %d", round).isEqualTo(200);
                assertThat(web.get("/assets/chamada.css").statusCode()).as("round %d", round).isEqualTo(200);
            }
        }
    }

    @Test
    void close_calledTwice_isHarmless() {
        TestWeb web = TestWeb.start();
        web.server().close();
        web.close();
    }

    @Test
    void start_onAPortInUse_throwsIOException() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            WebConfig config = WebConfig.defaults(InetAddress.getLoopbackAddress(), taken.getLocalPort(),
                    chamada.i18n.Lang.EN);
            assertThatThrownBy(() -> WebServer.start(config, new WebRoutes())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void handler_runsOnAVirtualThread() {
        try (TestWeb web = TestWeb.start(config -> config, routes -> routes.get("/thread", WebServerTest::threadKind))) {
            assertThat(web.get("/thread").body()).isEqualTo("virtual");
        }
    }

    @Test
    void close_withARequestInFlight_letsItFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Request.Handler slow = (request, response, callback) -> {
            entered.countDown();
            release.await();
            response.write(true, StandardCharsets.UTF_8.encode("done"), callback);
            return true;
        };
        TestWeb web = TestWeb.start(config -> config, routes -> routes.get("/slow", slow));
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> web.get("/slow"));
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(web.server()::close);
        awaitRefused(web.server().port());
        release.countDown();

        HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        closing.get(20, TimeUnit.SECONDS);
        web.close();
    }

    /** Waits until the port takes no new connection: the stop has begun. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TestWeb.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.onSpinWait();
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("port " + port + " still accepts connections");
    }

    private static boolean threadKind(Request request, Response response, Callback callback) {
        String kind = Thread.currentThread().isVirtual() ? "virtual" : "platform";
        response.write(true, StandardCharsets.UTF_8.encode(kind), callback);
        return true;
    }
}
