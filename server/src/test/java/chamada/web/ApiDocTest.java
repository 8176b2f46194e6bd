package chamada.web;

import chamada.protocol.Json;
import chamada.rollcall.TeacherName;
import chamada.server.ServerConfig;
import chamada.server.WebFront;
import chamada.teachers.TeachersFile;
import chamada.testing.DocReplies;
import chamada.testing.DocSessions;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every JSON API exchange of PROTOCOL.md (its {@code http} blocks) against a real server,
 * so the page cannot drift from what the API says. Times, tokens and check-in codes may differ;
 * a request that sends a token or a code the page showed sends the one the server gave.
 */
class ApiDocTest {

    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    /** The store the server keeps its roll calls in: the config's own, the embedded one. */
    ServerConfig onStore(ServerConfig config) {
        return config;
    }

    @Test
    void everyJsonApiExampleOfProtocolMd_isWhatTheServerSays() throws Exception {
        List<List<String>> blocks = DocSessions.of(Files.readString(Path.of("PROTOCOL.md")), "http");
        assertThat(blocks).as("http blocks in PROTOCOL.md").isNotEmpty();
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        Map<String, String> actualOfDocumented = new HashMap<>();
        try (TestServer server = TestServer.start(dir, config -> onStore(config).withTeachersFile(teachers)
                .withWeb(new WebFront(WebConfig.forTests())));
             HttpClient http = HttpClient.newHttpClient()) {
            for (List<String> block : blocks) {
                for (Exchange exchange : exchanges(block)) {
                    replay(http, server.webBase(), exchange, actualOfDocumented);
                }
            }
        }
    }

    /** One documented request ({@code > METHOD PATH}, headers, a body) and its documented status and body. */
    private record Exchange(String method, String path, List<String> headers, String body, int status, String reply) {
    }

    private static List<Exchange> exchanges(List<String> block) {
        List<Exchange> exchanges = new ArrayList<>();
        int i = 0;
        while (i < block.size()) {
            String[] start = block.get(i++).substring(2).split(" ", 2);
            List<String> headers = new ArrayList<>();
            String body = "";
            while (block.get(i).startsWith("> ")) {
                String line = block.get(i++).substring(2);
                if (line.matches("[A-Za-z-]+: .*")) {
                    headers.add(line);
                } else {
                    body = line;
                }
            }
            int status = Integer.parseInt(block.get(i++).substring(2));
            exchanges.add(new Exchange(start[0], start[1], headers, body, status, block.get(i++).substring(2)));
        }
        return exchanges;
    }

    private static void replay(HttpClient http, String base, Exchange exchange, Map<String, String> actualOfDocumented)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + exchange.path()))
                .timeout(Duration.ofSeconds(20))
                .method(exchange.method(), exchange.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(substitute(exchange.body(), actualOfDocumented)));
        for (String header : exchange.headers()) {
            String[] parts = header.split(": ", 2);
            request.header(parts[0], substitute(parts[1], actualOfDocumented));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String asked = exchange.method() + " " + exchange.path();
        JsonNode documented = JSON.readTree(exchange.reply());
        JsonNode replied = JSON.readTree(response.body());

        assertThat(response.statusCode()).as("status of %s (reply %s)", asked, response.body()).isEqualTo(exchange.status());
        assertThat(DocReplies.normalize(replied))
                .as("reply to %s%n  documented: %s%n  actual:     %s", asked, exchange.reply(), response.body())
                .isEqualTo(DocReplies.normalize(documented));
        if (documented.hasNonNull("token")) {
            actualOfDocumented.put(documented.get("token").asText(), replied.get("token").asText());
        }
        if (DocReplies.isCheckInCode(documented)) {
            actualOfDocumented.put(documented.get("code").asText(), replied.get("code").asText());
        }
    }

    private static String substitute(String text, Map<String, String> actualOfDocumented) {
        String sent = text;
        for (Map.Entry<String, String> documented : actualOfDocumented.entrySet()) {
            sent = sent.replace(documented.getKey(), documented.getValue());
        }
        return sent;
    }
}
