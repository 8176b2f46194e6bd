package chamada.server;

import chamada.protocol.Json;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.DocReplies;
import chamada.testing.DocSessions;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every example exchange of PROTOCOL.md against a real server, so the document
 * cannot drift from what the server says. Times and the server version are the only
 * values allowed to differ. On the embedded store here, on PostgreSQL in
 * {@link ProtocolDocOnPostgresTest}.
 */
class ProtocolDocTest {

    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    /** The store the server keeps its roll calls in: the config's own, the embedded one. */
    ServerConfig onStore(ServerConfig config) {
        return config;
    }

    @Test
    void everyExampleOfProtocolMd_isWhatTheServerSays() throws Exception {
        List<List<String>> sessions = DocSessions.of(Files.readString(Path.of("PROTOCOL.md")), "session");
        assertThat(sessions).as("example blocks in PROTOCOL.md").hasSizeGreaterThan(10);
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("bruno"), "outra-senha", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("diretora"), "a-diretora", true);

        Map<String, String> actualTimeOfDocumented = new HashMap<>();
        Map<String, String> actualTokenOfDocumented = new HashMap<>();
        Map<String, String> actualCodeOfDocumented = new HashMap<>();
        Map<String, String> actualRollCallOfDocumented = new HashMap<>();
        try (TestServer server = TestServer.start(dir, config -> onStore(config).withTeachersFile(teachers))) {
            for (List<String> session : sessions) {
                replay(server.port(), session, actualTimeOfDocumented, actualTokenOfDocumented, actualCodeOfDocumented,
                        actualRollCallOfDocumented);
            }
        }
    }

    private static boolean isEvent(String line) {
        return line.startsWith("{\"event\"");
    }

    /**
     * Replays one block. Times may differ from the page, but where the page shows the same time
     * twice (a duplicate check-in's original time, the list at close) the server must too. Session
     * tokens, check-in codes and roll-call numbers differ too; a request that sends a token, a code
     * or a roll call's number the page showed sends the one the server gave. A line that is not
     * JSON is a file's bytes, sent or received as the text they are.
     */
    private static void replay(int port, List<String> session, Map<String, String> actualTimeOfDocumented,
                               Map<String, String> actualTokenOfDocumented, Map<String, String> actualCodeOfDocumented,
                               Map<String, String> actualRollCallOfDocumented) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String sent = "";
            java.util.ArrayDeque<String> held = new java.util.ArrayDeque<>();
            for (String line : session) {
                if (line.startsWith("> ")) {
                    sent = line.substring(2);
                    for (Map.Entry<String, String> token : actualTokenOfDocumented.entrySet()) {
                        sent = sent.replace(token.getKey(), token.getValue());
                    }
                    for (Map.Entry<String, String> code : actualCodeOfDocumented.entrySet()) {
                        sent = sent.replace(code.getKey(), code.getValue());
                    }
                    for (Map.Entry<String, String> rollCall : actualRollCallOfDocumented.entrySet()) {
                        sent = sent.replace("\"roll_call\":" + rollCall.getKey(), "\"roll_call\":" + rollCall.getValue());
                    }
                    out.write((sent + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    String actual = held.isEmpty() ? in.readLine() : held.poll();
                    if (actual != null && isEvent(line.substring(2)) != isEvent(actual)) {
                        // An event may come before or after the reply to the request that caused it
                        // (PROTOCOL.md, "watch"): the other one is held for the next documented line.
                        held.add(actual);
                        actual = in.readLine();
                    }
                    assertThat(actual).as("a reply to %s", sent).isNotNull();
                    if (!line.startsWith("< {")) {
                        // A file's bytes after a download's reply, shown as the text they are.
                        assertThat(actual).as("the bytes after %s", sent).isEqualTo(line.substring(2));
                        continue;
                    }
                    JsonNode documented = JSON.readTree(line.substring(2));
                    JsonNode replied = JSON.readTree(actual);
                    assertThat(DocReplies.normalize(replied))
                            .as("reply to %s%n  documented: %s%n  actual:     %s", sent, line.substring(2), actual)
                            .isEqualTo(DocReplies.normalize(documented));
                    if (documented.hasNonNull("token")) {
                        actualTokenOfDocumented.put(documented.get("token").asText(), replied.path("token").asText());
                    }
                    DocReplies.rollCall(documented).ifPresent(number -> actualRollCallOfDocumented.put(number,
                            DocReplies.rollCall(replied).orElseThrow()));
                    if (DocReplies.isCheckInCode(documented)) {
                        actualCodeOfDocumented.put(documented.get("code").asText(), replied.path("code").asText());
                    }
                    Map<String, String> actualTimes = DocReplies.times(replied, "");
                    String request = sent;
                    DocReplies.times(documented, "").forEach((path, time) -> {
                        String first = actualTimeOfDocumented.putIfAbsent(time, actualTimes.get(path));
                        assertThat(actualTimes.get(path)).as("%s in the reply to %s is documented as %s, a time"
                                + " shown earlier, so it must be that same time", path, request, time)
                                .isEqualTo(first == null ? actualTimes.get(path) : first);
                    });
                }
            }
        }
    }
}
