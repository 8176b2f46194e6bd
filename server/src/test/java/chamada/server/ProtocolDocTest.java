package chamada.server;

import chamada.protocol.Json;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.DocSessions;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every example exchange of PROTOCOL.md against a real server, so the document
 * cannot drift from what the server says. Times and the server version are the only
 * values allowed to differ.
 */
class ProtocolDocTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}([+-]\\d{2}:\\d{2}|Z)");
    private static final Pattern HUMAN_TIME = Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");

    @TempDir
    Path dir;

    @Test
    void everyExampleOfProtocolMd_isWhatTheServerSays() throws Exception {
        List<List<String>> sessions = DocSessions.of(Files.readString(Path.of("PROTOCOL.md")), "session");
        assertThat(sessions).as("example blocks in PROTOCOL.md").hasSizeGreaterThan(10);
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret");
        TeachersFile.add(teachers, TeacherName.ofLogin("bruno"), "outra-senha");

        Map<String, String> actualTimeOfDocumented = new HashMap<>();
        Map<String, String> actualTokenOfDocumented = new HashMap<>();
        Map<String, String> actualCodeOfDocumented = new HashMap<>();
        try (TestServer server = TestServer.start(dir, config -> config.withTeachersFile(teachers))) {
            for (List<String> session : sessions) {
                replay(server.port(), session, actualTimeOfDocumented, actualTokenOfDocumented, actualCodeOfDocumented);
            }
        }
    }

    /**
     * Replays one block. Times may differ from the page, but where the page shows the same time
     * twice (a duplicate check-in's original time, the list at close) the server must too. Session
     * tokens and check-in codes differ too; a request that sends a token or a code the page showed
     * sends the one the server gave.
     */
    private static void replay(int port, List<String> session, Map<String, String> actualTimeOfDocumented,
                               Map<String, String> actualTokenOfDocumented, Map<String, String> actualCodeOfDocumented)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String sent = "";
            for (String line : session) {
                if (line.startsWith("> ")) {
                    sent = line.substring(2);
                    for (Map.Entry<String, String> token : actualTokenOfDocumented.entrySet()) {
                        sent = sent.replace(token.getKey(), token.getValue());
                    }
                    for (Map.Entry<String, String> code : actualCodeOfDocumented.entrySet()) {
                        sent = sent.replace(code.getKey(), code.getValue());
                    }
                    out.write((sent + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    String actual = in.readLine();
                    assertThat(actual).as("a reply to %s", sent).isNotNull();
                    JsonNode documented = JSON.readTree(line.substring(2));
                    JsonNode replied = JSON.readTree(actual);
                    assertThat(normalize(replied))
                            .as("reply to %s%n  documented: %s%n  actual:     %s", sent, line.substring(2), actual)
                            .isEqualTo(normalize(documented));
                    if (documented.hasNonNull("token")) {
                        actualTokenOfDocumented.put(documented.get("token").asText(), replied.path("token").asText());
                    }
                    if (isCheckInCode(documented)) {
                        actualCodeOfDocumented.put(documented.get("code").asText(), replied.path("code").asText());
                    }
                    Map<String, String> actualTimes = times(replied, "");
                    String request = sent;
                    times(documented, "").forEach((path, time) -> {
                        String first = actualTimeOfDocumented.putIfAbsent(time, actualTimes.get(path));
                        assertThat(actualTimes.get(path)).as("%s in the reply to %s is documented as %s, a time"
                                + " shown earlier, so it must be that same time", path, request, time)
                                .isEqualTo(first == null ? actualTimes.get(path) : first);
                    });
                }
            }
        }
    }

    /** Every ISO time in {@code node}, by its JSON path. */
    private static Map<String, String> times(JsonNode node, String path) {
        Map<String, String> times = new HashMap<>();
        if (node.isTextual() && TIME.matcher(node.asText()).matches()) {
            times.put(path, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> times.putAll(times(field.getValue(), path + "/" + field.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                times.putAll(times(node.get(i), path + "/" + i));
            }
        }
        return times;
    }

    /** In a successful reply, {@code "code"} is a check-in code (in a refusal it is the error code). */
    private static boolean isCheckInCode(JsonNode reply) {
        return reply.path("ok").asBoolean() && reply.hasNonNull("code");
    }

    private static JsonNode normalize(JsonNode node) {
        if (node.isTextual()) {
            String text = HUMAN_TIME.matcher(TIME.matcher(node.asText()).replaceAll("<time>")).replaceAll("<time>");
            return TextNode.valueOf(text);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), switch (field.getKey()) {
                    case "server" -> TextNode.valueOf("<version>");
                    case "token" -> TextNode.valueOf("<token>");
                    case "code" -> isCheckInCode(node) ? TextNode.valueOf("<code>") : field.getValue();
                    default -> normalize(field.getValue());
                });
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(normalize(item)));
            return copy;
        }
        return node;
    }
}
