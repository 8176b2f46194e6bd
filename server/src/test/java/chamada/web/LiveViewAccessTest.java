package chamada.web;

import chamada.client.ChamadaClient;
import chamada.client.ServerRefusedException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Json;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.TeacherName;
import chamada.server.WebFront;
import chamada.teachers.AccountAction;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A live view (the API's and the projector page's event streams of a roll call, a native watch)
 * asks again, every {@link chamada.application.Application#liveViewCheck()}, whether its reader
 * may still hear the class, and ends at a refusal that says they may not.
 *
 * <p>Issue 16 (security review): a roll call's stream lasted as long as its roll call, hours
 * maybe, and never asked again who was reading it: a teacher disabled (a stolen laptop's) or taken
 * off the class went on hearing every check-in and code until the close. Each test here has a
 * control stream of a teacher who may still hear their class, which must outlive several checks,
 * so that a stream ended at its first check whatever the answer fails them.
 */
class LiveViewAccessTest {

    private static final Duration CHECK = Duration.ofMillis(200);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private ChamadaClient administrator;

    @BeforeEach
    void start() throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "secret-of-ana", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("bia"), "secret-of-bia", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("diretora"), "secret-of-diretora", true);
        server = TestServer.start(dir, config -> config.withTeachersFile(teachers).withLiveViewCheck(CHECK)
                .withWeb(new WebFront(WebConfig.forTests())));
        administrator = server.client(Lang.EN);
        administrator.login("diretora", "secret-of-diretora");
    }

    @AfterEach
    void stop() {
        http.shutdownNow();
        administrator.close();
        server.close();
    }

    @Test
    void rollCallStream_ofATeacherDisabledMeanwhile_endsWhileAnotherTeachersGoesOn() throws Exception {
        disablingATeacher_endsTheirStreamOnly(false);
    }

    @Test
    void projectorStream_ofATeacherDisabledMeanwhile_endsWhileAnotherTeachersGoesOn() throws Exception {
        disablingATeacher_endsTheirStreamOnly(true);
    }

    @Test
    void rollCallStream_ofATeacherTakenOffTheClass_endsWhileAnotherTeachersGoesOn() throws Exception {
        Heard ana = openAndListen("ana", 1010, false);
        Heard bia = openAndListen("bia", 2020, false);

        Response assigned = administrator.call(new Request.Assign(new ClassId(1010),
                List.of(TeacherName.ofLogin("bia"))));

        assertThat(assigned).isNotInstanceOf(Response.Refusal.class);
        await().atMost(Duration.ofSeconds(10)).until(ana.ended::isDone);
        assertStillHears(bia);
    }

    @Test
    void nativeWatch_ofATeacherDisabledMeanwhile_isEndedWhileAnotherTeachersGoesOn() {
        try (ChamadaClient bia = server.client(Lang.EN); ChamadaClient ana = server.client(Lang.EN)) {
            bia.login("bia", "secret-of-bia");
            assertThat(bia.open(new ClassId(2020))).isInstanceOf(Response.Opened.class);
            assertThat(bia.watch(new ClassId(2020))).isInstanceOf(Response.Watching.class);
            ana.login("ana", "secret-of-ana");
            assertThat(ana.open(new ClassId(1010))).isInstanceOf(Response.Opened.class);
            assertThat(ana.watch(new ClassId(1010))).isInstanceOf(Response.Watching.class);

            Response disabled = administrator.call(new Request.Account(AccountAction.DISABLE,
                    TeacherName.ofLogin("ana"), Optional.empty(), false));

            assertThat(disabled).isInstanceOf(Response.AccountChanged.class);
            assertThatThrownBy(ana::nextEvent).isInstanceOfSatisfying(ServerRefusedException.class,
                    refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ACCOUNT_INACTIVE));
            assertThat(administrator.call(new Request.Close(new ClassId(2020)))).isNotInstanceOf(Response.Refusal.class);
            assertThat(bia.nextEvent()).isInstanceOf(RollCallEvent.Closed.class);
        }
    }

    private void disablingATeacher_endsTheirStreamOnly(boolean projector) throws Exception {
        Heard ana = openAndListen("ana", 1010, projector);
        Heard bia = openAndListen("bia", 2020, projector);

        Response disabled = administrator.call(new Request.Account(AccountAction.DISABLE, TeacherName.ofLogin("ana"),
                Optional.empty(), false));

        assertThat(disabled).isInstanceOf(Response.AccountChanged.class);
        await().atMost(Duration.ofSeconds(10)).until(ana.ended::isDone);
        assertStillHears(bia);
    }

    /** The control: alive through several checks, and still hearing its class's check-ins after them. */
    private void assertStillHears(Heard control) {
        await().during(CHECK.multipliedBy(5)).atMost(CHECK.multipliedBy(10)).until(() -> !control.ended.isDone());
        int before = control.lines.size();
        Response closed = administrator.call(new Request.Close(control.classId));
        assertThat(closed).isNotInstanceOf(Response.Refusal.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> control.lines.size() > before);
    }

    private record Heard(ClassId classId, List<String> lines, CompletableFuture<Void> ended) {
    }

    /**
     * Logs {@code teacher} in on the JSON API, opens {@code classNumber}'s roll call and follows
     * its stream: the projector page's, with the token as the browser's session cookie, or the API's.
     */
    private Heard openAndListen(String teacher, int classNumber, boolean projector) throws Exception {
        String token = Json.mapper().readTree(http.send(HttpRequest.newBuilder(
                        URI.create(server.webBase() + "/api/v1/session"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (teacher + ":secret-of-" + teacher).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("token").asText();
        String rollCall = server.webBase() + "/api/v1/classes/" + classNumber + "/roll-call";
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(rollCall))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        HttpRequest.Builder events = projector
                ? HttpRequest.newBuilder(URI.create(server.webBase() + "/classes/" + classNumber + "/projector/events"))
                        .header("Cookie", TeacherSessions.COOKIE + "=" + token)
                : HttpRequest.newBuilder(URI.create(rollCall + "/events")).header("Authorization", "Bearer " + token);
        HttpResponse<Stream<String>> stream = http.send(events.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("retry: 2000"));
        return new Heard(new ClassId(classNumber), lines, ended);
    }
}
