package chamada.web;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Json;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.TeacherName;
import chamada.server.WebFront;
import chamada.teachers.AccountAction;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 (security review): a roll call's event stream lasted as long as its roll call, hours
 * maybe, and never asked again who was reading it. A teacher whose account an administrator
 * disabled (a stolen laptop's), or who was taken off the class, went on hearing every check-in
 * and every new code until the close, while a native watch stopped within its 30-second check.
 * Now the stream asks again every {@link EventStreams#ACCESS_CHECK} and ends at a refusal.
 */
class Issue16RevokedLiveViewTest {

    @TempDir
    Path dir;

    @Test
    void rollCallStream_ofATeacherDisabledMeanwhile_endsWithinAnAccessCheck() throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "secret-of-ana", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("diretora"), "secret-of-diretora", true);
        HttpClient http = HttpClient.newHttpClient();
        try (TestServer server = TestServer.start(dir, config -> config.withTeachersFile(teachers)
                .withWeb(new WebFront(WebConfig.forTests())));
             ChamadaClient administrator = server.client(Lang.EN)) {
            String token = Json.mapper().readTree(http.send(HttpRequest.newBuilder(
                            URI.create(server.webBase() + "/api/v1/session"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "ana:secret-of-ana".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .path("token").asText();
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(
                            URI.create(server.webBase() + "/api/v1/classes/1010/roll-call"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
            HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                            URI.create(server.webBase() + "/api/v1/classes/1010/roll-call/events"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofLines());
            List<String> heard = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> stream.body().forEach(heard::add));
            administrator.login("diretora", "secret-of-diretora");

            Response disabled = administrator.call(new Request.Account(AccountAction.DISABLE, TeacherName.ofLogin("ana"),
                    Optional.empty(), false));
            await().atMost(EventStreams.ACCESS_CHECK.multipliedBy(3)).until(ended::isDone);

            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(disabled).isInstanceOf(Response.AccountChanged.class);
            assertThat(ended).isCompleted();
            assertThat(heard).as("the stream's start").contains("retry: 2000");
        } finally {
            http.shutdownNow();
        }
    }
}
