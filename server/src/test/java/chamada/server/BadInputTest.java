package chamada.server;

import chamada.client.ChamadaClient;
import chamada.protocol.Json;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile and broken clients: each gets an error reply or a timeout, and the server goes
 * on serving everyone else.
 */
class BadInputTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    private TestServer server;
    private ChamadaClient teacher;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, config -> config.withLimits(4096, Duration.ofSeconds(60), 50));
        teacher = server.client();
        as(teacher.open(CLASS), Response.Opened.class);
    }

    @AfterEach
    void stop() {
        teacher.close();
        server.close();
    }

    /** The server still answers a fresh client and the teacher's own connection. */
    private void assertStillServing() {
        try (ChamadaClient student = server.client()) {
            as(student.checkIn(new Matricula("99"), CLASS), Response.CheckedIn.class);
        }
        as(teacher.status(CLASS), Response.RollCallReply.class);
    }

    @Test
    void tenMegabyteLine_getsLineTooLongThenClose() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            try {
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
            } catch (SocketException e) {
                // The server closes once the limit is passed; the rest of the 10 MB has nowhere to go.
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            JsonNode reply = JSON.readTree(reader.readLine());

            assertThat(reply.get("code").asText()).isEqualTo("LINE_TOO_LONG");
            assertThat(reply.get("message").asText()).contains("4096");
        }
        assertStillServing();
    }

    /**
     * A browser made to post to the native port, as a hostile page on the server's machine could:
     * the request line is refused and the connection closed, so the body's lines are never read
     * as requests (here, a close of the open roll call in open mode).
     */
    @Test
    void httpRequest_getsNotHttpThenClose_andItsBodyIsNeverAnswered() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 11\r\n\r\nclose 1010\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertThat(JSON.readTree(in.readLine()).get("code").asText()).isEqualTo("NOT_HTTP");
            assertThat(in.readLine()).isNull();
        }
        as(teacher.status(CLASS), Response.RollCallReply.class);
    }

    @Test
    void silentConnection_isClosedAfterIdleTimeoutWithoutAWord() throws IOException {
        try (TestServer impatient = TestServer.start(dir.resolve("impatient"),
                config -> config.withLimits(4096, Duration.ofSeconds(1), 50));
             Socket socket = new Socket("127.0.0.1", impatient.port())) {

            assertThat(socket.getInputStream().read()).as("end of stream, no reply").isEqualTo(-1);
        }
    }

    @Test
    void connectionThatSpokeThenWentSilent_getsIdleTimeoutThenClose() throws IOException {
        try (TestServer impatient = TestServer.start(dir.resolve("impatient"),
                config -> config.withLimits(4096, Duration.ofSeconds(1), 50));
             Socket socket = new Socket("127.0.0.1", impatient.port())) {
            socket.getOutputStream().write("help\n".getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertThat(JSON.readTree(in.readLine()).get("op").asText()).isEqualTo("help");
            JsonNode idle = JSON.readTree(in.readLine());
            assertThat(idle.get("code").asText()).isEqualTo("IDLE_TIMEOUT");
            assertThat(idle.get("message").asText()).isEqualTo("No request for 1 second; closing the connection.");
            assertThat(in.readLine()).isNull();
        }
    }

    @Test
    void lineTrickledByteByByte_isCutOffAtTheDeadline() throws Exception {
        try (TestServer impatient = TestServer.start(dir.resolve("impatient"),
                config -> config.withLimits(4096, Duration.ofSeconds(1), 50));
             Socket socket = new Socket("127.0.0.1", impatient.port())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        out.write('1');
                        out.flush();
                        Thread.sleep(200); // the slow client under test: a byte every 200 ms, never a newline
                    }
                } catch (IOException | InterruptedException e) {
                    // The server closed the connection: what this test waits for.
                }
            });

            JsonNode tooSlow = JSON.readTree(in.readLine());
            assertThat(tooSlow.get("code").asText()).isEqualTo("REQUEST_TOO_SLOW");
            assertThat(tooSlow.get("message").asText())
                    .isEqualTo("A request line took more than 1 second to arrive; closing the connection.");
            trickle.interrupt();
            trickle.join();
        }
    }

    @Test
    void clientThatNeverReadsItsReplies_isDisconnected() throws Exception {
        try (TestServer impatient = TestServer.start(dir.resolve("impatient"),
                config -> config.withLimits(4096, Duration.ofSeconds(1), 50));
             Socket socket = new Socket("127.0.0.1", impatient.port())) {
            OutputStream out = socket.getOutputStream();
            byte[] requests = "help\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            AtomicBoolean disconnected = new AtomicBoolean();
            Thread flood = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 1_000; i++) {
                        out.write(requests);
                    }
                } catch (IOException e) {
                    disconnected.set(true);
                }
            });

            await().atMost(Duration.ofSeconds(60)).untilTrue(disconnected);
            flood.join();
        }
        assertStillServing();
    }

    @Test
    void lineCutShortByTheEndOfTheConnection_isNeverCarriedOut() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("checkin 777 1010".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();

            assertThat(socket.getInputStream().read()).as("no reply to an unfinished line").isEqualTo(-1);
        }
        assertThat(as(teacher.status(CLASS), Response.RollCallReply.class).rollCall().present()).isEmpty();
    }

    @Test
    void wholeRequestsThenTheEndOfTheClientsOutput_areAllAnswered() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("help\ncheckin 777 1010\nhelp\n".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput(); // as `printf '...' | nc` does
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertThat(JSON.readTree(in.readLine()).get("op").asText()).isEqualTo("help");
            assertThat(JSON.readTree(in.readLine()).get("ok").asBoolean()).isTrue();
            assertThat(JSON.readTree(in.readLine()).get("op").asText()).isEqualTo("help");
            assertThat(in.readLine()).as("then the end of the connection").isNull();
        }
        assertThat(as(teacher.status(CLASS), Response.RollCallReply.class).rollCall().present())
                .extracting(c -> c.matricula().value()).containsExactly("777");
    }

    @Test
    void halfOpenLine_doesNotBlockOthers() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("checkin 1 10".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();

            assertStillServing();
        }
    }

    @Test
    void invalidUtf8_isRefusedAndConnectionKeepsServing() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {'o', 'p', (byte) 0xC3, (byte) 0x28, '\n'});
            out.write("help\n".getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertThat(JSON.readTree(in.readLine()).get("code").asText()).isEqualTo("BAD_ENCODING");
            assertThat(JSON.readTree(in.readLine()).get("op").asText()).isEqualTo("help");
        }
    }

    @Test
    void connectionsPastThePerAddressLimit_areRefusedOnceTheySpeak() throws IOException {
        Socket[] held = new Socket[49];
        try {
            for (int i = 0; i < held.length; i++) {
                held[i] = new Socket("127.0.0.1", server.port());
            }
            // Each connection is counted on its own thread: a reply says this one was counted
            // (otherwise the extra one may be counted first, and one of these refused instead).
            for (Socket socket : held) {
                socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                assertThat(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine()).contains("\"ok\":true");
            }
            try (Socket extra = new Socket("127.0.0.1", server.port())) {
                extra.getOutputStream().write("hello pt-BR\n".getBytes(StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(new InputStreamReader(extra.getInputStream(), StandardCharsets.UTF_8));
                JsonNode refusal = JSON.readTree(in.readLine());

                assertThat(refusal.get("code").asText()).isEqualTo("TOO_MANY_CONNECTIONS");
                assertThat(refusal.get("message").asText()).contains("Conexões demais");
                assertThat(in.readLine()).isNull();
            }
        } finally {
            for (Socket socket : held) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void randomBytes_neverStopTheServer(long seed) throws IOException {
        Random random = new Random(seed);
        for (int connection = 0; connection < 5; connection++) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(5_000);
                byte[] garbage = new byte[1 + random.nextInt(3000)];
                random.nextBytes(garbage);
                OutputStream out = socket.getOutputStream();
                out.write(garbage);
                out.write("\nhelp\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String line;
                boolean sawHelp = false;
                while (!sawHelp && (line = in.readLine()) != null) {
                    JsonNode reply = JSON.readTree(line);
                    assertThat(reply.has("ok")).as("every reply has ok: %s", line).isTrue();
                    sawHelp = "help".equals(reply.path("op").asText());
                }
                assertThat(sawHelp).as("the connection still answers after garbage (seed %d)", seed).isTrue();
            }
        }
        assertStillServing();
    }
}
