package chamada.web;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.server.WebFront;
import chamada.testing.PipelinedCheckIns;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, slow readers on the web front: a live view's event stream whose reader never reads
 * is dropped once it is too far behind (the server's bound, and the socket buffers between),
 * while every check-in meanwhile is acknowledged and a stream that reads hears them all. Counted,
 * not timed; the native port's {@code watch} has the same test in MessagesAndWatchTest.
 */
class EventStreamSlowReaderTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final String EVENTS = "/api/v1/classes/1010/roll-call/events";
    private static final int ROUND = 10_000;
    private static final int MAX_CHECK_INS = 500_000;

    @TempDir
    Path dir;

    /**
     * Check-ins go in rounds until the server has dropped the stalled stream, seen in its own count
     * of open streams ({@code chamada_watchers}): how many it takes depends on the socket buffers
     * between (a quiet machine's kernel absorbs megabytes before a write blocks), not on time.
     */
    @Test
    void anEventStreamNeverRead_isDropped_whileEveryCheckInIsAcknowledged_andAReaderHearsThemAll() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (TestServer server = TestServer.start(dir, config -> config.withWeb(new WebFront(WebConfig.forTests())));
             ChamadaClient teacher = server.client();
             ChamadaClient student = server.client();
             Socket stalled = new Socket()) {
            assertThat(teacher.open(CLASS)).isInstanceOf(Response.Opened.class);
            URI base = URI.create(server.webBase());
            stalled.setReceiveBufferSize(1024);
            stalled.setSoTimeout(60_000); // a server that never drops it fails the test rather than hangs it
            stalled.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream toStalled = stalled.getOutputStream();
            toStalled.write(("GET " + EVENTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            toStalled.flush();
            HttpResponse<Stream<String>> reader = http.send(HttpRequest.newBuilder(base.resolve(EVENTS)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            AtomicInteger heard = new AtomicInteger();
            Thread.ofVirtual().start(() -> reader.body().filter("event: checkin"::equals).forEach(line -> heard.incrementAndGet()));
            await().atMost(Duration.ofSeconds(30)).until(() -> openStreams(http, base) == 2);

            int sent = 0;
            while (openStreams(http, base) == 2) {
                assertThat(sent).as("check-ins sent without the stalled stream being dropped").isLessThan(MAX_CHECK_INS);
                assertThat(PipelinedCheckIns.send(student, CLASS, sent, ROUND)).isEqualTo(ROUND);
                sent += ROUND;
            }

            int total = sent;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(heard.get()).isEqualTo(total));
            String received = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long events = received.lines().filter("event: checkin"::equals).count();
            assertThat(received).startsWith("HTTP/1.1 200");
            assertThat(events).as("events the stalled stream was sent before it was dropped").isLessThan(total);
        } finally {
            http.shutdownNow();
        }
    }

    /** The web front's open event streams, as the server counts them for {@code /metrics}. */
    private static int openStreams(HttpClient http, URI base) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("chamada_watchers{front=\"web\"}"))
                .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }
}
