package chamada.web;

import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Json;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.Network;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import chamada.server.WebFront;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every teacher's route of the web front, asked by every kind of caller who must be refused it,
 * on real servers on loopback: the JSON API's teacher calls and the class pages, by a stranger
 * (no token, no cookie), by a teacher of another class, and by a client of the network on a
 * server in open mode; and by the class's own teacher, who is not refused for who they are. Its
 * routes are docs/SECURITY.md's teacher rows, which {@code SecurityDocTest} holds to the code's.
 * Posts carry a matching form token, so that what refuses them is who asks, not the CSRF check.
 */
class HttpAccessTest {

    private static final String CLASS = "1010";
    private static final String MATRICULA = "918273019";
    private static final String STUDENT = "Ana Souza";
    private static final String FORM_TOKEN = "abcdefghijklmnopqrstuv";
    private static final String SHA256_OF_ABC = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";
    private static final String BOUNDARY = "chamada-access-test";

    /** How a route is asked: its method, its path under the class, what it sends and as what. */
    record Route(String method, String path, String body, String contentType) {

        static Route get(String path) {
            return new Route("GET", path, "", "");
        }

        static Route json(String method, String path, String body) {
            return new Route(method, path, body, "application/json");
        }

        static Route form(String path, String fields) {
            return new Route("POST", path, "form_token=" + FORM_TOKEN + (fields.isEmpty() ? "" : "&" + fields),
                    "application/x-www-form-urlencoded");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The JSON API's calls for a class's teachers. */
    static List<Route> apiRoutes() {
        String api = ApiHandler.PATH + "/classes/" + CLASS;
        return List.of(
                Route.json("POST", api + "/roll-call", "{}"),
                Route.get(api + "/roll-call"),
                new Route("DELETE", api + "/roll-call", "", ""),
                Route.get(api + "/roll-call/events"),
                Route.get(api + "/history"),
                Route.get(api + "/export.csv"),
                Route.get(api + "/roster"),
                Route.json("PUT", api + "/roster", "{\"students\":[{\"matricula\":\"42\",\"name\":\"Ana Souza\"}]}"),
                Route.json("POST", api + "/marks", "{\"matricula\":\"42\",\"status\":\"excused\",\"reason\":\"doctor\"}"),
                Route.get(api + "/audit"),
                Route.get(api + "/report"),
                Route.get(api + "/messages"),
                Route.json("POST", api + "/messages/read", "{\"ids\":[1]}"),
                Route.json("PUT", api + "/messages/shown", "{\"id\":\"off\"}"),
                new Route("PUT", api + "/materials/notes.txt", "abc", "text/plain"),
                new Route("DELETE", api + "/materials/notes.txt", "", ""));
    }

    /** The class's pages, and the start page's open form, for its teachers. */
    static List<Route> pageRoutes() {
        String pages = "/classes/" + CLASS;
        return List.of(
                Route.get(pages),
                Route.form(pages + "/close", ""),
                Route.get(pages + "/audit"),
                Route.form(pages + "/audit", "matricula=42&status=excused&reason=doctor"),
                Route.get(pages + "/inbox"),
                Route.form(pages + "/inbox", "read=1"),
                Route.get(pages + "/inbox/events"),
                Route.get(pages + "/question"),
                Route.get(pages + "/question/events"),
                Route.get(pages + "/materials"),
                Route.form(pages + "/materials", "file=notes.txt"),
                new Route("PUT", pages + "/materials/notes.txt", "abc", "text/plain"),
                Route.get(pages + "/report"),
                Route.get(pages + "/history"),
                Route.get(pages + "/roster"),
                new Route("POST", pages + "/roster", "--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"form_token\"\r\n\r\n" + FORM_TOKEN + "\r\n"
                        + "--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"roster\"; filename=\"roster.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n42,Ana Souza\r\n"
                        + "--" + BOUNDARY + "--\r\n", "multipart/form-data; boundary=" + BOUNDARY),
                Route.get(pages + "/export.csv"),
                Route.get(pages + "/projector"),
                Route.get(pages + "/projector/events"),
                Route.get(pages + "/projector/qr.svg"),
                Route.form("/teacher/open", "class=" + CLASS));
    }

    /**
     * The class's pages but its materials page, which shows any logged-in teacher the list its
     * students see ({@code /s/CLASS}); publishing and removing there are the class's teachers' own.
     */
    static List<Route> pageRoutesOfTheClassOnly() {
        return pageRoutes().stream().filter(route -> !route.equals(Route.get("/classes/" + CLASS + "/materials"))).toList();
    }

    @TempDir
    static Path dir;

    private static TestServer withTeachers;
    private static TestServer openMode;
    private static String anasToken;
    private static String brunosToken;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "secret-of-ana", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("bruno"), "secret-of-bruno", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("diretora"), "secret-of-diretora", true);
        Files.createDirectories(dir.resolve("with-teachers"));
        Files.createDirectories(dir.resolve("open-mode"));
        withTeachers = TestServer.start(dir.resolve("with-teachers"), config -> config.withTeachersFile(teachers)
                .withWeb(new WebFront(WebConfig.forTests())));
        openMode = TestServer.start(dir.resolve("open-mode"), config -> config
                .withTrustedProxies(List.of(Network.parse("127.0.0.1/32"))).withWeb(new WebFront(WebConfig.forTests())));
        anasToken = token("ana", "secret-of-ana");
        brunosToken = token("bruno", "secret-of-bruno");
        try (var admin = withTeachers.client(Lang.EN)) {
            admin.login("diretora", "secret-of-diretora");
            assertThat(admin.call(new Request.Assign(ClassId.parse(CLASS), List.of(TeacherName.ofLogin("ana")))))
                    .isInstanceOf(Response.Assigned.class);
            assertThat(admin.importRoster(ClassId.parse(CLASS), List.of(new RosterEntry(new Matricula(MATRICULA),
                    new StudentName(STUDENT))))).isInstanceOf(Response.RosterImported.class);
        }
    }

    @AfterAll
    static void stop() {
        HTTP.shutdownNow();
        withTeachers.close();
        openMode.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void apiTeacherCall_withoutAToken_isAuthRequired(Route route) throws Exception {
        Answer answer = ask(withTeachers, route, Optional.empty(), Optional.empty());

        assertThat(answer.status()).as("%s: %s", route, answer.body()).isEqualTo(401);
        assertThat(answer.code()).as("%s: %s", route, answer.body()).isEqualTo(ErrorCode.AUTH_REQUIRED.wireName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void apiTeacherCall_byATeacherOfAnotherClass_isNotAssigned(Route route) throws Exception {
        Answer answer = ask(withTeachers, route, Optional.of("Bearer " + brunosToken), Optional.empty());

        assertThat(answer.status()).as("%s: %s", route, answer.body()).isEqualTo(403);
        assertThat(answer.code()).as("%s: %s", route, answer.body()).isEqualTo(ErrorCode.NOT_ASSIGNED.wireName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void apiTeacherCall_inOpenModeFromAnotherMachine_isLocalOnly(Route route) throws Exception {
        Answer answer = ask(openMode, route, Optional.empty(), Optional.of("192.0.2.7"));

        assertThat(answer.status()).as("%s: %s", route, answer.body()).isEqualTo(403);
        assertThat(answer.code()).as("%s: %s", route, answer.body())
                .isEqualTo(ErrorCode.OPEN_MODE_LOCAL_ONLY.wireName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void apiTeacherCall_byTheClasssTeacher_isNotRefusedForWhoAsks(Route route) throws Exception {
        Answer answer = ask(withTeachers, route, Optional.of("Bearer " + anasToken), Optional.empty());

        assertThat(answer.code()).as("%s: %s", route, answer.body()).isNotIn(ErrorCode.AUTH_REQUIRED.wireName(),
                ErrorCode.NOT_ASSIGNED.wireName(), ErrorCode.TOKEN_INVALID.wireName());
        assertThat(answer.status()).as("%s: %s", route, answer.body()).isNotIn(401, 403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageRoutes")
    void teacherPage_withoutASession_sendsToTheLoginPage(Route route) throws Exception {
        Answer answer = ask(withTeachers, route, Optional.empty(), Optional.empty());

        if (route.method().equals("PUT")) {
            assertThat(answer.status()).as("%s", route).isEqualTo(401);
        } else {
            assertThat(answer.status()).as("%s: %s", route, answer.body()).isEqualTo(303);
            assertThat(answer.location()).as("%s", route).endsWith("/teacher");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageRoutesOfTheClassOnly")
    void teacherPage_ofATeacherOfAnotherClass_saysItIsNotTheirs_andShowsNothingOfIt(Route route) throws Exception {
        Answer answer = ask(withTeachers, route, Optional.of(brunosToken).map(token -> "cookie:" + token),
                Optional.empty());

        String notTheirs = ErrorCode.NOT_ASSIGNED.format(Lang.EN, CLASS, "bruno");
        if (answer.status() == 200) {
            assertThat(answer.body()).as("%s", route).contains(notTheirs);
        } else {
            assertThat(answer.status()).as("%s: %s", route, answer.body()).isIn(403, 404);
        }
        // The class's roster: as seeded, or as its teacher's own requests here replace it (42, Ana Souza).
        assertThat(answer.body()).as("%s", route).doesNotContain(MATRICULA, STUDENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageRoutes")
    void teacherPage_inOpenModeFromAnotherMachine_isLocalOnly(Route route) throws Exception {
        Answer answer = ask(openMode, route, Optional.empty(), Optional.of("192.0.2.7"));

        assertThat(answer.status()).as("%s: %s", route, answer.body()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageRoutes")
    void teacherPage_ofTheClasssTeacher_isNotRefusedForWhoAsks(Route route) throws Exception {
        Answer answer = ask(withTeachers, route, Optional.of("cookie:" + anasToken), Optional.empty());

        assertThat(answer.status()).as("%s: %s", route, answer.body()).isNotIn(401, 403);
        assertThat(answer.location()).as("%s", route).doesNotEndWith("/teacher");
        assertThat(answer.body()).as("%s", route).doesNotContain("is not one of them");
        if (route.equals(Route.get("/classes/" + CLASS + "/roster"))) {
            // What a teacher of another class must not see is there to see for this one.
            assertThat(answer.body()).contains(STUDENT);
        }
    }

    /** A reply: its status, its redirect, its body unless it is an event stream, and the JSON's error code. */
    private record Answer(int status, String location, String body) {

        String code() {
            try {
                JsonNode json = Json.mapper().readTree(body);
                return json == null ? "" : json.path("code").asText();
            } catch (IOException e) {
                return "";
            }
        }
    }

    /**
     * {@code route}, with {@code authorization} ({@code Bearer TOKEN}, or {@code cookie:TOKEN} for
     * a page's session cookie), from {@code forwardedFor} through the trusted proxy if given.
     */
    private static Answer ask(TestServer server, Route route, Optional<String> authorization,
                              Optional<String> forwardedFor) throws Exception {
        String cookies = "chamada_form=" + FORM_TOKEN;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.webBase() + route.path()))
                .timeout(TestServer.CLIENT_TIMEOUT).header("Accept-Language", "en")
                .header(MaterialsPage.FORM_TOKEN_HEADER, FORM_TOKEN)
                .method(route.method(), route.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(route.body()));
        if (!route.contentType().isEmpty()) {
            request.header("Content-Type", route.contentType());
        }
        if (route.method().equals("PUT") && route.path().contains("/materials/")) {
            request.header("Repr-Digest", "sha-256=:" + SHA256_OF_ABC + ":");
        }
        if (authorization.isPresent() && authorization.get().startsWith("cookie:")) {
            cookies += "; " + TeacherSessions.COOKIE + "=" + authorization.get().substring("cookie:".length());
        } else if (authorization.isPresent()) {
            request.header("Authorization", authorization.get());
        }
        request.header("Cookie", cookies);
        forwardedFor.ifPresent(address -> request.header("X-Forwarded-For", address));
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        try (InputStream body = response.body()) {
            // An event stream a right caller opens goes on for good: its first bytes say enough.
            String text = stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""), text);
        }
    }

    private static String token(String name, String secret) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(withTeachers.webBase()
                        + ApiHandler.PATH + "/session")).header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return Json.mapper().readTree(login.body()).path("token").asText();
    }
}
