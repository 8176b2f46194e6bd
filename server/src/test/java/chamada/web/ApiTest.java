package chamada.web;

import chamada.protocol.ExportCsv;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.Network;
import chamada.rollcall.TeacherName;
import chamada.server.ServerConfig;
import chamada.server.WebFront;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API against a real server: the native protocol's operations and reply objects over HTTP. */
class ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() {
        http.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void teacher_logsInOnce_opensWithACode_studentChecksInWithIt_teacherClosesAndExports() throws Exception {
        startWithTeachers();
        HttpResponse<String> login = send(post("/api/v1/session", "").header("Authorization", basic("ana", "s3cret")));
        String token = json(login).get("token").asText();

        HttpResponse<String> opened = send(post("/api/v1/classes/1010/roll-call", "{\"code_policy\":\"fixed\"}")
                .header("Authorization", "Bearer " + token));
        String code = json(opened).get("code").asText();
        HttpResponse<String> withoutCode = send(post("/api/v1/classes/1010/check-ins", "{\"matricula\":\"042191010\"}"));
        HttpResponse<String> checkedIn = send(post("/api/v1/classes/1010/check-ins",
                "{\"matricula\":\"042191010\",\"code\":\"" + code + "\"}"));
        HttpResponse<String> status = send(get("/api/v1/classes/1010/roll-call").header("Authorization", "Bearer " + token));
        HttpResponse<String> closed = send(request("/api/v1/classes/1010/roll-call").DELETE()
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> csv = send(get("/api/v1/classes/1010/export.csv").header("Authorization", "Bearer " + token));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).get("teacher").asText()).isEqualTo("ana");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(json(opened).get("code_policy").asText()).isEqualTo("fixed");
        assertThat(withoutCode.statusCode()).isEqualTo(422);
        assertThat(json(withoutCode).get("code").asText()).isEqualTo("CODE_REQUIRED");
        assertThat(json(withoutCode).get("class").asInt()).isZero();
        assertThat(checkedIn.statusCode()).isEqualTo(200);
        assertThat(json(checkedIn).get("already_registered").asBoolean()).isFalse();
        assertThat(json(status).get("code").asText()).isEqualTo(code);
        assertThat(json(status).get("present").get(0).get("matricula").asText()).isEqualTo("042191010");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(json(closed).get("op").asText()).isEqualTo("close");
        assertThat(csv.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith(ExportCsv.HEADER + "\r\n1,1010,").contains(",042191010,");
    }

    @Test
    void teacherCalls_withoutAToken_areAuthRequired_andABadOneTokenInvalid() throws Exception {
        startWithTeachers();

        HttpResponse<String> none = send(post("/api/v1/classes/1010/roll-call", ""));
        HttpResponse<String> forged = send(get("/api/v1/classes/1010/history").header("Authorization", "Bearer forged"));
        HttpResponse<String> wrongSecret = send(post("/api/v1/session", "").header("Authorization", basic("ana", "nope")));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("code").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).get("code").asText()).isEqualTo("TOKEN_INVALID");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret).get("code").asText()).isEqualTo("AUTH_FAILED");
    }

    @Test
    void badInput_isRefusedWithTheNativeProtocolsErrors_inTheAskedLanguage() throws Exception {
        startOpenMode(List.of());

        HttpResponse<String> badClass = send(post("/api/v1/classes/abc/check-ins", "{\"matricula\":\"1\"}"));
        HttpResponse<String> numberMatricula = send(post("/api/v1/classes/1010/check-ins", "{\"matricula\":42}")
                .header("Accept-Language", "pt-BR"));
        HttpResponse<String> notJson = send(post("/api/v1/classes/1010/check-ins", "{\"matricula\":"));
        HttpResponse<String> nowhere = send(get("/api/v1/classes/1010/nothing"));

        assertThat(badClass.statusCode()).isEqualTo(400);
        assertThat(json(badClass).get("message").asText()).contains("Invalid field class: \"abc\"");
        assertThat(numberMatricula.statusCode()).isEqualTo(400);
        assertThat(json(numberMatricula).get("message").asText()).startsWith("Campo matricula inválido");
        assertThat(json(notJson).get("code").asText()).isEqualTo("BAD_JSON");
        assertThat(nowhere.statusCode()).isEqualTo(400);
        assertThat(json(nowhere).get("code").asText()).isEqualTo("UNKNOWN_COMMAND");
    }

    /** Issue 16: a body whose bytes are not UTF-8 is refused as the native port refuses such a line, never a 500. */
    @Test
    void bodyNotUtf8_isRefusedAsABadRequest() throws Exception {
        startOpenMode(List.of());

        HttpResponse<String> notUtf8 = send(request("/api/v1/classes/1010/check-ins")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xFF, '"', '}'}))
                .header("Content-Type", "application/json"));

        assertThat(notUtf8.statusCode()).isEqualTo(400);
    }

    @Test
    void openMode_teacherCallsFromAnotherMachine_areRefused_andStudentsAreServed() throws Exception {
        startOpenMode(List.of(Network.parse("127.0.0.1")));
        send(post("/api/v1/classes/1010/roll-call", ""));

        HttpResponse<String> teacherFromAfar = send(get("/api/v1/classes/1010/roll-call")
                .header("X-Forwarded-For", "10.0.0.9"));
        HttpResponse<String> studentFromAfar = send(post("/api/v1/classes/1010/check-ins", "{\"matricula\":\"7\"}")
                .header("X-Forwarded-For", "10.0.0.9"));

        assertThat(teacherFromAfar.statusCode()).isEqualTo(403);
        assertThat(json(teacherFromAfar).get("code").asText()).isEqualTo("OPEN_MODE_LOCAL_ONLY");
        assertThat(studentFromAfar.statusCode()).isEqualTo(200);
    }

    @Test
    void openMode_teacherCalls_fromARebindingDomainOrAnotherSite_areRefused() throws Exception {
        startOpenMode(List.of());

        String rebound = rawPost("/api/v1/classes/1010/roll-call", "evil.example");
        HttpResponse<String> crossSite = send(post("/api/v1/classes/1010/roll-call", "")
                .header("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> local = send(post("/api/v1/classes/1010/roll-call", "").header("Sec-Fetch-Site", "same-origin"));

        assertThat(rebound).startsWith("HTTP/1.1 403").contains("\"code\":\"OPEN_MODE_LOCAL_ONLY\"");
        assertThat(json(crossSite).get("code").asText()).isEqualTo("OPEN_MODE_LOCAL_ONLY");
        assertThat(local.statusCode()).isEqualTo(200);
    }

    @Test
    void events_tellACheckInFromTheNativePort_andTheClose() throws Exception {
        startOpenMode(List.of());
        send(post("/api/v1/classes/1010/roll-call", ""));
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                get("/api/v1/classes/1010/roll-call/events").build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> events = stream.get(10, TimeUnit.SECONDS);
        Iterator<String> lines = events.body().iterator();

        try (var client = server.client()) {
            client.checkIn(new Matricula("042191010"), new ClassId(1010));
            client.close(new ClassId(1010));
        }
        List<String> heard = new java.util.ArrayList<>();
        while (lines.hasNext()) {
            heard.add(lines.next());
        }

        assertThat(events.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(heard).contains("event: checkin", "event: close");
        assertThat(heard.stream().filter(line -> line.startsWith("data: ") && line.contains("042191010")).toList())
                .singleElement().satisfies(line -> assertThat(line).contains("\"count\":1"));
    }

    /** A POST naming {@code host}, as a page whose domain was rebound to 127.0.0.1 sends it (HttpClient will not). */
    /** The API has no session between calls: a roster goes in one body, and a part meant to wait for more is refused. */
    @Test
    void roster_putWhole_isTheClassRoster_andAPartWithMoreIsRefused() throws Exception {
        startWithTeachers();
        String token = json(send(post("/api/v1/session", "").header("Authorization", basic("ana", "s3cret"))))
                .get("token").asText();
        String students = "{\"students\":[{\"matricula\":\"7\",\"name\":\"Bruno Lima\"}]";

        HttpResponse<String> part = send(request("/api/v1/classes/1010/roster").PUT(
                HttpRequest.BodyPublishers.ofString(students + ",\"more\":true}")).header("Authorization", "Bearer " + token));
        HttpResponse<String> anonymous = send(request("/api/v1/classes/1010/roster").PUT(
                HttpRequest.BodyPublishers.ofString(students + "}")));
        HttpResponse<String> whole = send(request("/api/v1/classes/1010/roster").PUT(
                HttpRequest.BodyPublishers.ofString(students + "}")).header("Authorization", "Bearer " + token));
        HttpResponse<String> listed = send(get("/api/v1/classes/1010/roster").header("Authorization", "Bearer " + token));

        assertThat(part.statusCode()).isEqualTo(400);
        assertThat(json(part).get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(json(part).get("message").asText()).contains("the JSON API takes the whole roster in one request");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(json(whole).get("added").asInt()).isEqualTo(1);
        assertThat(json(listed).get("students").get(0).get("name").asText()).isEqualTo("Bruno Lima");
    }

    @Test
    void mark_thenAudit_overHttp() throws Exception {
        startWithTeachers();
        String token = json(send(post("/api/v1/session", "").header("Authorization", basic("ana", "s3cret"))))
                .get("token").asText();
        send(post("/api/v1/classes/1010/roll-call", "{\"code_policy\":\"none\"}").header("Authorization", "Bearer " + token));

        HttpResponse<String> marked = send(post("/api/v1/classes/1010/marks",
                "{\"matricula\":\"7\",\"status\":\"present\",\"reason\":\"esqueceu o celular\"}")
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> anotherClass = send(post("/api/v1/classes/2020/marks",
                "{\"matricula\":\"7\",\"status\":\"present\",\"reason\":\"x\"}").header("Authorization", "Bearer " + token));
        HttpResponse<String> audit = send(get("/api/v1/classes/1010/audit").header("Authorization", "Bearer " + token));

        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(json(marked).get("status").asText()).isEqualTo("present");
        assertThat(json(marked).has("from")).isFalse();
        assertThat(anotherClass.statusCode()).isEqualTo(404);
        assertThat(json(anotherClass).get("code").asText()).isEqualTo("NO_ROLL_CALL");
        assertThat(json(audit).get("entries").get(0).get("reason").asText()).isEqualTo("esqueceu o celular");
        HttpResponse<String> report = send(get("/api/v1/classes/1010/report?late_counts_as=absent&from=2026-12-02")
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> backwards = send(get("/api/v1/classes/1010/report?from=2026-12-02&to=2026-12-01")
                .header("Authorization", "Bearer " + token));
        assertThat(json(report).get("late_counts_as").asText()).isEqualTo("absent");
        assertThat(json(report).get("from").asText()).isEqualTo("2026-12-02");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(json(backwards).get("message").asText()).contains("not before from");
    }

    private String rawPost(String path, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", java.net.URI.create(server.webBase()).getPort())) {
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A monitor's check: anybody may ask, no token, at the API's path or the root's, and the answer's
     * status says it (200; 503 when not healthy).
     */
    @Test
    void health_isAnsweredToAnybody_withItsStatus() throws Exception {
        startWithTeachers();

        HttpResponse<String> health = send(request("/api/v1/health").GET());
        HttpResponse<String> head = http.send(request("/api/v1/health").method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> posted = send(request("/api/v1/health").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> atRoot = send(request("/health").GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"ok\":true,\"op\":\"health\",\"healthy\":true,\"journal_lag\":0}\n");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(atRoot.statusCode()).isEqualTo(200);
        assertThat(atRoot.body()).isEqualTo(health.body());
    }

    private void startWithTeachers() throws IOException {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        start(config -> config.withTeachersFile(teachers).withWeb(new WebFront(WebConfig.forTests())));
    }

    private void startOpenMode(List<Network> trustedProxies) {
        start(config -> config.withTrustedProxies(trustedProxies).withWeb(new WebFront(WebConfig.forTests())));
    }

    private void start(UnaryOperator<ServerConfig> customize) {
        server = TestServer.start(dir, config -> customize.apply(onStore(config)));
    }

    /** The store the server keeps its roll calls in: the config's own, the embedded one. */
    ServerConfig onStore(ServerConfig config) {
        return config;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.webBase() + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String name, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
