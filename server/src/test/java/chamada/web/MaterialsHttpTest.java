package chamada.web;

import chamada.client.ChamadaClient;
import chamada.materials.MaterialName;
import chamada.protocol.Json;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import chamada.server.WebFront;
import chamada.teachers.TeachersFile;
import chamada.testing.NeverReadingClient;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Class materials and messages over the JSON API, on a server with a teachers file: a material
 * downloaded whole, from a {@code Range} (a download resumed), not at all when the phone has it
 * ({@code If-None-Match}), and whole again when the file changed since the part ({@code If-Range});
 * names that are no file refused; a 200 MB file up and back; an upload only from a teacher, and
 * only with the bytes its digest names; a student's message posted and read by the teacher.
 */
class MaterialsHttpTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private byte[] bytes;
    private String sha256;

    @BeforeEach
    void start() throws IOException {
        start(WebConfig.forTests(), dir);
    }

    /** A server whose web front has {@code web}, its data in {@code data}, with one teacher and one material. */
    private void start(WebConfig web, Path data) throws IOException {
        Path teachers = data.resolve("teachers.txt");
        Files.createDirectories(data);
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        server = TestServer.start(data, config -> config.withTeachersFile(teachers).withWeb(new WebFront(web)));
        bytes = new byte[20 << 20];
        new Random(20).nextBytes(bytes);
        sha256 = sha256(bytes);
        try (ChamadaClient teacher = server.client()) {
            as(teacher.login("ana", "s3cret"), Response.LoggedIn.class);
            as(teacher.upload(CLASS, new MaterialName("vídeo da aula.mp4"), bytes.length, sha256,
                    new ByteArrayInputStream(bytes), sent -> { }), Response.Uploaded.class);
        }
    }

    @AfterEach
    void stop() {
        http.shutdownNow();
        server.close();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.webBase() + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<byte[]> get(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static final String FILE = "/api/v1/classes/1010/materials/v%C3%ADdeo%20da%20aula.mp4";

    @Test
    void aMaterial_isDownloadedWhole_withItsShaAsTheETag_asAnAttachmentUnderItsName() throws Exception {
        HttpResponse<byte[]> whole = get(request(FILE));
        HttpResponse<byte[]> list = get(request("/api/v1/classes/1010/materials"));

        assertThat(whole.statusCode()).as(new String(whole.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(sha256(whole.body())).isEqualTo(sha256);
        assertThat(whole.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("video/mp4"));
        assertThat(whole.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename*=UTF-8''v%C3%ADdeo%20da%20aula.mp4");
        JsonNode listed = JSON.readTree(list.body());
        assertThat(listed.at("/materials/0/file").asText()).isEqualTo("vídeo da aula.mp4");
        assertThat(listed.at("/materials/0/sha256").asText()).isEqualTo(sha256);
    }

    /**
     * Issue 16: a download whose client never reads is closed by Jetty's idle timeout, which also
     * runs while a write is blocked, and the others are served meanwhile.
     */
    @Test
    void aDownloadTheClientNeverReads_isClosedAfterTheIdleTimeout_whileOthersAreServed() throws Exception {
        server.close();
        WebConfig web = WebConfig.forTests();
        start(new WebConfig(web.bind(), web.port(), web.maxHeaderBytes(), web.maxBodyBytes(), Duration.ofSeconds(1),
                web.maxConnectionsPerAddress(), web.lang()), dir.resolve("short-idle"));
        URI base = URI.create(server.webBase());
        try (NeverReadingClient stalled = NeverReadingClient.start(new InetSocketAddress(base.getHost(), base.getPort()),
                "GET " + FILE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(1_000))) {
            HttpResponse<byte[]> meanwhile = get(request("/api/v1/classes/1010/materials"));
            stalled.awaitClosedByTheServer(Duration.ofSeconds(60));

            assertThat(meanwhile.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRange_resumesADownload_andIfRangeOrIfNoneMatch_sayWhetherTheFileIsStillTheSame() throws Exception {
        int cut = 7_000_000;
        HttpResponse<byte[]> rest = get(request(FILE).header("Range", "bytes=" + cut + "-")
                .header("If-Range", "\"" + sha256 + "\""));
        HttpResponse<byte[]> changed = get(request(FILE).header("Range", "bytes=" + cut + "-")
                .header("If-Range", "\"" + "0".repeat(64) + "\""));
        HttpResponse<byte[]> unchanged = get(request(FILE).header("If-None-Match", "\"" + sha256 + "\""));
        HttpResponse<byte[]> beyond = get(request(FILE).header("Range", "bytes=" + (bytes.length + 10) + "-"));

        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("Content-Range"))
                .contains("bytes " + cut + "-" + (bytes.length - 1) + "/" + bytes.length);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(bytes, cut, bytes.length));
        assertThat(changed.statusCode()).as("a part of another version is no part: the whole file").isEqualTo(200);
        assertThat(changed.body()).hasSize(bytes.length);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        assertThat(unchanged.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("no-store"));
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void head_givesTheHeadersOfTheDownload_withoutItsBytes() throws Exception {
        HttpResponse<byte[]> head = http.send(request(FILE).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(bytes.length));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void namesThatAreNoFile_orNoMaterial_areRefused_inJson() throws Exception {
        HttpResponse<byte[]> unknown = get(request("/api/v1/classes/1010/materials/outro.pdf"));
        HttpResponse<byte[]> hidden = get(request("/api/v1/classes/1010/materials/.incoming"));
        HttpResponse<byte[]> encoded = get(request("/api/v1/classes/1010/materials/..%2F..%2Fchamada.db"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("UNKNOWN_MATERIAL");
        assertThat(hidden.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(hidden.body()).get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(encoded.statusCode()).isIn(400, 404);
        assertThat(new String(encoded.body(), StandardCharsets.UTF_8)).doesNotContain("SQLite");
    }

    private String token() {
        try (ChamadaClient teacher = server.client()) {
            return as(teacher.login("ana", "s3cret"), Response.LoggedIn.class).token().orElseThrow();
        }
    }

    private static String digest(String sha256) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":";
    }

    @Test
    void aFileOf200Megabytes_goesUpAndComesBackOverHttp_withTheSameSha256() throws Exception {
        Path original = dir.resolve("aula.mp4");
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(original), written)) {
            Random random = new Random(200);
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        String expected = HexFormat.of().formatHex(written.digest());

        HttpResponse<String> uploaded = http.send(request("/api/v1/classes/1010/materials/aula.mp4")
                .header("Authorization", "Bearer " + token()).header("Repr-Digest", digest(expected))
                .PUT(HttpRequest.BodyPublishers.ofFile(original)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<InputStream> downloaded = http.send(request("/api/v1/classes/1010/materials/aula.mp4").GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long size;
        try (InputStream in = new DigestInputStream(downloaded.body(), received)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(JSON.readTree(uploaded.body()).get("sha256").asText()).isEqualTo(expected);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(size).isEqualTo(200L << 20);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(expected);
    }

    @Test
    void anUpload_needsATeacher_andBytesThatHashToItsDigest_andDeleteRemovesIt() throws Exception {
        byte[] notes = "Aula 2\n".getBytes(StandardCharsets.UTF_8);
        String token = token();
        HttpResponse<String> stranger = http.send(request("/api/v1/classes/1010/materials/notas.txt")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(notes)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> damaged = http.send(request("/api/v1/classes/1010/materials/notas.txt")
                .header("Authorization", "Bearer " + token).header("Repr-Digest", digest(sha256(new byte[1])))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(notes)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> published = http.send(request("/api/v1/classes/1010/materials/notas.txt")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(notes)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> removed = http.send(request("/api/v1/classes/1010/materials/notas.txt")
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(damaged.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(damaged.body()).get("code").asText()).isEqualTo("UPLOAD_CORRUPT");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(JSON.readTree(published.body()).get("sha256").asText()).isEqualTo(sha256(notes));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).get("op").asText()).isEqualTo("remove_material");
    }

    @Test
    void aStudentsMessage_isPosted_andOnlyTheTeacherReadsTheInbox() throws Exception {
        HttpResponse<String> posted = http.send(request("/api/v1/classes/1010/messages")
                .POST(HttpRequest.BodyPublishers.ofString("{\"matricula\":\"042191010\",\"text\":\"A prova é sexta?\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stranger = http.send(request("/api/v1/classes/1010/messages").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String token;
        try (ChamadaClient teacher = server.client()) {
            token = as(teacher.login("ana", "s3cret"), Response.LoggedIn.class).token().orElseThrow();
        }
        HttpResponse<String> inbox = http.send(request("/api/v1/classes/1010/messages?unread=true")
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(JSON.readTree(posted.body()).get("op").asText()).isEqualTo("message");
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(inbox.body()).at("/messages/0/text").asText()).isEqualTo("A prova é sexta?");
    }

    @Test
    void theQuestionShown_isSetByATeacher_withoutItsSender() throws Exception {
        HttpResponse<String> posted = http.send(request("/api/v1/classes/1010/messages")
                .POST(HttpRequest.BodyPublishers.ofString("{\"matricula\":\"042191010\",\"text\":\"Vale nota?\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        long id = JSON.readTree(posted.body()).get("id").asLong();
        String token;
        try (ChamadaClient teacher = server.client()) {
            token = as(teacher.login("ana", "s3cret"), Response.LoggedIn.class).token().orElseThrow();
        }

        HttpResponse<String> stranger = http.send(request("/api/v1/classes/1010/messages/shown")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":" + id + "}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> shown = http.send(request("/api/v1/classes/1010/messages/shown")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":" + id + "}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(request("/api/v1/classes/1010/messages/shown")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":" + (id + 1) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> off = http.send(request("/api/v1/classes/1010/messages/shown")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"off\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()).at("/shown/text").asText()).isEqualTo("Vale nota?");
        assertThat(shown.body()).doesNotContain("042191010");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("UNKNOWN_MESSAGE");
        assertThat(off.body()).isEqualTo("{\"ok\":true,\"op\":\"show\",\"class\":1010}\n");
    }
}
