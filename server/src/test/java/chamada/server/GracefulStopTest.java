package chamada.server;

import chamada.client.ChamadaClient;
import chamada.protocol.Json;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the server: waiting clients are told, and everything acknowledged is there after a restart. */
class GracefulStopTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    @Test
    void close_tellsWaitingClientsAndKeepsEveryAcknowledgedChange() throws Exception {
        try (TestServer server = TestServer.start(dir);
             Socket waiting = new Socket("127.0.0.1", server.port());
             Socket silent = new Socket("127.0.0.1", server.port())) {
            try (ChamadaClient teacher = server.client()) {
                as(teacher.open(CLASS), Response.Opened.class);
                as(teacher.checkIn(new Matricula("042191010"), CLASS), Response.CheckedIn.class);
            }
            waiting.getOutputStream().write("help\n".getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(waiting.getInputStream(), StandardCharsets.UTF_8));
            assertThat(JSON.readTree(in.readLine()).get("op").asText()).isEqualTo("help");

            server.close();

            assertThat(JSON.readTree(in.readLine()).get("code").asText()).isEqualTo("SHUTTING_DOWN");
            assertThat(in.readLine()).isNull();
            assertThat(silent.getInputStream().read()).as("a client that never spoke is closed without a word")
                    .isEqualTo(-1);
        }

        try (TestServer restarted = TestServer.start(dir); ChamadaClient teacher = restarted.client()) {
            assertThat(as(teacher.status(CLASS), Response.RollCallReply.class).rollCall().present())
                    .extracting(c -> c.matricula().value()).containsExactly("042191010");
        }
    }
}
