package chamada.server;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Json;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire itself: typed words and JSON, errors, pipelining, hello and quit. */
class NativeProtocolTest {

    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode reply(ChamadaClient client, String line) throws Exception {
        client.sendLine(line);
        client.flush();
        return JSON.readTree(client.receiveLine());
    }

    @Test
    void words_andJson_getTheSameReplyShape() throws Exception {
        try (ChamadaClient client = server.client()) {
            JsonNode typed = reply(client, "open 1010");
            JsonNode json = reply(client, "{\"op\":\"open\",\"class\":2020}");

            assertThat(typed.get("ok").asBoolean()).isTrue();
            assertThat(typed.get("class").asInt()).isEqualTo(1010);
            assertThat(json.get("class").asInt()).isEqualTo(2020);
            List<String> typedFields = new ArrayList<>();
            typed.fieldNames().forEachRemaining(typedFields::add);
            List<String> jsonFields = new ArrayList<>();
            json.fieldNames().forEachRemaining(jsonFields::add);
            assertThat(typedFields).isEqualTo(jsonFields);
        }
    }

    @Test
    void checkIn_typed_keepsLeadingZeros() throws Exception {
        try (ChamadaClient client = server.client()) {
            reply(client, "open 1010");
            reply(client, "checkin 042191010 1010");

            JsonNode status = reply(client, "status 1010");

            assertThat(status.at("/present/0/matricula").asText()).isEqualTo("042191010");
        }
    }

    @Test
    void checkIn_jsonNumberMatricula_isRefusedNamingTheField() throws Exception {
        try (ChamadaClient client = server.client()) {
            JsonNode reply = reply(client, "{\"op\":\"checkin\",\"matricula\":42191010,\"class\":1010}");

            assertThat(reply.get("ok").asBoolean()).isFalse();
            assertThat(reply.get("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(reply.get("message").asText()).contains("matricula");
        }
    }

    @Test
    void invalidFields_areRefusedNamingFieldAndWhatItAccepts() throws Exception {
        try (ChamadaClient client = server.client()) {
            assertThat(reply(client, "open abc").get("message").asText()).contains("class", "1 to 2147483647");
            assertThat(reply(client, "open 0").get("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(reply(client, "open 99999999999").get("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(reply(client, "checkin 12a4 1010").get("message").asText()).contains("matricula", "20 digits");
            assertThat(reply(client, "checkin 123456789012345678901 1010").get("code").asText())
                    .isEqualTo("INVALID_FIELD");
            assertThat(reply(client, "{\"op\":\"open\"}").get("code").asText()).isEqualTo("MISSING_FIELD");
            assertThat(reply(client, "{\"op\":\"open\",\"class\":[1]}").get("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(reply(client, "checkin 1").get("code").asText()).isEqualTo("WRONG_ARGUMENTS");
            assertThat(reply(client, "dance 1").get("code").asText()).isEqualTo("UNKNOWN_COMMAND");
            assertThat(reply(client, "{\"op\":").get("code").asText()).isEqualTo("BAD_JSON");
            assertThat(reply(client, "[1,2]").get("code").asText()).isEqualTo("UNKNOWN_COMMAND");
        }
    }

    @Test
    void errors_comeInTheLanguageTheClientChose() throws Exception {
        try (ChamadaClient portuguese = server.client(Lang.PT_BR); ChamadaClient english = server.client(Lang.EN)) {
            assertThat(reply(portuguese, "close 1010").get("message").asText()).contains("não está aberta");
            assertThat(reply(english, "close 1010").get("message").asText()).contains("is not open");
        }
    }

    @Test
    void hello_returnsProtocolAndServerVersions() throws Exception {
        try (ChamadaClient client = server.client()) {
            JsonNode hello = reply(client, "hello pt-BR");

            assertThat(hello.get("protocol").asInt()).isEqualTo(1);
            assertThat(hello.get("server").asText()).startsWith("chamada ");
            assertThat(hello.get("lang").asText()).isEqualTo("pt-BR");
        }
    }

    @Test
    void quit_getsGoodbyeThenTheServerCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write("quit\n".getBytes(StandardCharsets.UTF_8));
            out.flush();

            JsonNode goodbye = JSON.readTree(in.readLine());

            assertThat(goodbye.get("ok").asBoolean()).isTrue();
            assertThat(goodbye.get("op").asText()).isEqualTo("quit");
            assertThat(in.readLine()).as("end of stream after goodbye").isNull();
        }
    }

    @Test
    void pipelinedRequests_areAnsweredInOrder() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            StringBuilder batch = new StringBuilder("open 1010\n");
            for (int i = 1; i <= 100; i++) {
                batch.append("checkin ").append(i).append(" 1010\n");
            }
            batch.append("close 1010\n");
            socket.getOutputStream().write(batch.toString().getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertThat(JSON.readTree(in.readLine()).get("op").asText()).isEqualTo("open");
            for (int i = 1; i <= 100; i++) {
                JsonNode checkIn = JSON.readTree(in.readLine());
                assertThat(checkIn.get("already_registered").asBoolean()).isFalse();
            }
            JsonNode closed = JSON.readTree(in.readLine());
            assertThat(closed.get("count").asInt()).isEqualTo(100);
            assertThat(closed.at("/present/99/matricula").asText()).isEqualTo("100");
        }
    }

    @Test
    void jsonWithTrailingTextOrRepeatedKeys_isRefusedWhole() throws Exception {
        try (ChamadaClient client = server.client()) {
            reply(client, "open 4343");

            assertThat(reply(client, "{\"op\":\"checkin\",\"matricula\":\"1\",\"class\":4343}"
                    + "{\"op\":\"checkin\",\"matricula\":\"2\",\"class\":4343}").get("code").asText()).isEqualTo("BAD_JSON");
            assertThat(reply(client, "{\"op\":\"help\"} garbage").get("code").asText()).isEqualTo("BAD_JSON");
            assertThat(reply(client, "{\"op\":\"checkin\",\"matricula\":\"111\",\"matricula\":\"222\",\"class\":4343}")
                    .get("code").asText()).isEqualTo("BAD_JSON");
            assertThat(reply(client, "{\"op\":5}").get("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(reply(client, "status 4343").get("count").asInt()).isZero();
        }
    }

    @Test
    void replyIsFlushed_whileTheNextLineIsStillBeingTyped() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("help\nsta".getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertThat(JSON.readTree(in.readLine()).get("op").asText()).isEqualTo("help");
        }
    }

    @Test
    void wordsSeparatedByTabs_workLikeSpaces() throws Exception {
        try (ChamadaClient client = server.client()) {
            assertThat(reply(client, "open\t5050").get("class").asInt()).isEqualTo(5050);
        }
    }

    @Test
    void blankLines_getNoReply() throws Exception {
        try (ChamadaClient client = server.client()) {
            client.sendLine("");
            client.sendLine("   ");
            JsonNode help = reply(client, "help");

            assertThat(help.get("op").asText()).isEqualTo("help");
            assertThat(help.get("commands").toString()).contains("checkin MATRICULA CLASS");
        }
    }
}
