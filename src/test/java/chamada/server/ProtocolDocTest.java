package chamada.server;

import chamada.protocol.Json;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
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
import java.util.ArrayList;
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
        List<List<String>> sessions = sessions(Files.readString(Path.of("PROTOCOL.md")));
        assertThat(sessions).as("example blocks in PROTOCOL.md").hasSizeGreaterThan(10);
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret");
        TeachersFile.add(teachers, TeacherName.ofLogin("bruno"), "outra-senha");

        try (TestServer server = TestServer.start(dir, config -> config.withTeachersFile(teachers))) {
            for (List<String> session : sessions) {
                replay(server.port(), session);
            }
        }
    }

    private static void replay(int port, List<String> session) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String sent = "";
            for (String line : session) {
                if (line.startsWith("> ")) {
                    sent = line.substring(2);
                    out.write((sent + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    String actual = in.readLine();
                    assertThat(actual).as("a reply to %s", sent).isNotNull();
                    assertThat(normalize(JSON.readTree(actual)))
                            .as("reply to %s%n  documented: %s%n  actual:     %s", sent, line.substring(2), actual)
                            .isEqualTo(normalize(JSON.readTree(line.substring(2))));
                }
            }
        }
    }

    /** The exchanges of every ```session block: lines starting with "> " or "< ". */
    static List<List<String>> sessions(String markdown) {
        List<List<String>> sessions = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n")) {
            if (line.equals("```session")) {
                current = new ArrayList<>();
            } else if (line.equals("```") && current != null) {
                sessions.add(current);
                current = null;
            } else if (current != null && (line.startsWith("> ") || line.startsWith("< "))) {
                current.add(line);
            }
        }
        return sessions;
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
                copy.set(field.getKey(), field.getKey().equals("server") ? TextNode.valueOf("<version>")
                        : normalize(field.getValue()));
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
