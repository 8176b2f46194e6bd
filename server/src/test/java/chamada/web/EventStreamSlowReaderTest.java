package chamada.web;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.server.WebFront;
import chamada.testing.PipelinedCheckIns;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, slow readers on the web front: a live view's event stream whose reader never reads
 * is dropped once it is too far behind (the server's bound, and the socket buffers between),
 * while every check-in meanwhile is acknowledged and a stream that reads hears them all. Counted,
 * not timed; the native port's {@code watch} has the same test in MessagesAndWatchTest.
 */
class EventStreamSlowReaderTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final String EVENTS = "/api/v1/classes/1010/roll-call/events";

    @TempDir
    Path dir;

    @Test
    void anEventStreamNeverRead_isDropped_whileEveryCheckInIsAcknowledged_andAReaderHearsThemAll() throws Exception {
        int checkIns = 30_000;
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
            Iterator<String> lines = reader.body().iterator();
            CompletableFuture<Integer> heard = CompletableFuture.supplyAsync(() -> {
                int count = 0;
                while (count < checkIns && lines.hasNext()) {
                    if (lines.next().equals("event: checkin")) {
                        count++;
                    }
                }
                return count;
            });

            int acknowledged = PipelinedCheckIns.send(student, CLASS, checkIns);

            assertThat(acknowledged).isEqualTo(checkIns);
            assertThat(heard.get(60, TimeUnit.SECONDS)).isEqualTo(checkIns);
            InputStream fromStalled = stalled.getInputStream();
            String received = new String(fromStalled.readAllBytes(), StandardCharsets.UTF_8);
            long events = received.lines().filter("event: checkin"::equals).count();
            assertThat(received).startsWith("HTTP/1.1 200");
            assertThat(events).as("events the stalled stream was sent before it was dropped").isLessThan(checkIns);
        } finally {
            http.shutdownNow();
        }
    }
}
