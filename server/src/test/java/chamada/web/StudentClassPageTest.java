package chamada.web;

import chamada.client.ChamadaClient;
import chamada.materials.MaterialName;
import chamada.messages.ClassMessage;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.server.WebFront;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class's page for its students, as a phone fetches it: the materials, each a link to its bytes,
 * and the box that asks the teacher, whose message lands in the class's inbox; what a student
 * types is shown back escaped, and a post without the page's form token is refused.
 */
class StudentClassPageTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([A-Za-z0-9_-]{22})\"");
    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    private TestServer server;
    private final HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, config -> config.withWeb(new WebFront(WebConfig.forTests())));
        byte[] notes = "Aula 1\n".getBytes(StandardCharsets.UTF_8);
        try (ChamadaClient teacher = server.client()) {
            as(teacher.upload(CLASS, new MaterialName("notas da aula.txt"), notes.length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(notes)),
                    new ByteArrayInputStream(notes), sent -> { }), Response.Uploaded.class);
        }
    }

    @AfterEach
    void stop() {
        phone.shutdownNow();
        server.close();
    }

    private HttpResponse<String> page() throws IOException, InterruptedException {
        return phone.send(HttpRequest.newBuilder(URI.create(server.webBase() + "/s/1010"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String form) throws IOException, InterruptedException {
        return phone.send(HttpRequest.newBuilder(URI.create(server.webBase() + "/s/1010"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void thePage_listsTheMaterials_eachALinkToItsBytes() throws Exception {
        HttpResponse<String> page = page();
        HttpResponse<String> none = phone.send(HttpRequest.newBuilder(URI.create(server.webBase() + "/s/2020"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/api/v1/classes/1010/materials/notas%20da%20aula.txt\"")
                .contains(">notas da aula.txt</a>").contains("7 B");
        assertThat(none.body()).contains("Your teacher has not published any material yet.");
    }

    @Test
    void aQuestion_fromThePage_landsInTheInbox_andTheTextIsShownBackEscaped() throws Exception {
        Matcher token = TOKEN.matcher(page().body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> refused = post("form_token=" + token.group(1) + "&matricula=042191010&text="
                + encode("<script>alert(1)</script>" + "x".repeat(2_000)));
        HttpResponse<String> sent = post("form_token=" + token.group(1) + "&matricula=042191010&text="
                + encode("A prova é <b>sexta</b>?"));
        HttpResponse<String> forged = post("form_token=outro&matricula=7&text=oi");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("&lt;script&gt;").doesNotContain("<script>alert");
        assertThat(sent.body()).contains("Message 1 delivered at");
        assertThat(forged.statusCode()).isEqualTo(403);
        try (ChamadaClient teacher = server.client()) {
            assertThat(as(teacher.inbox(CLASS, false), Response.Inbox.class).messages())
                    .extracting(ClassMessage::sender, m -> m.text().value())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Optional.of(new Matricula("042191010")),
                            "A prova é <b>sexta</b>?"));
        }
    }
}
