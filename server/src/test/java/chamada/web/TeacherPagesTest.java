package chamada.web;

import chamada.application.Application;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.Network;
import chamada.rollcall.TeacherName;
import chamada.server.WebFront;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The teacher's pages and the projector, as a browser without JavaScript uses them. */
class TeacherPagesTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([A-Za-z0-9_-]{22})\"");
    private static final Pattern CODE = Pattern.compile("id=\"code\"[^>]*>(\\d{3} \\d{3})<");

    @TempDir
    Path dir;

    private TestServer server;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @AfterEach
    void stop() {
        browser.shutdownNow();
        server.close();
    }

    @Test
    void teacher_logsIn_opensWithACode_projectsIt_studentChecksIn_closes_andDownloadsTheCsv() throws Exception {
        startWithTeachers();
        HttpResponse<String> loginPage = get("/teacher");
        assertThat(loginPage.body()).contains("type=\"password\"").contains("your secret crosses the network unencrypted");

        HttpResponse<String> home = post("/teacher/login", "name=ana&secret=s3cret");
        HttpResponse<String> classPage = post("/teacher/open", "class=1010&code_policy=fixed");
        HttpResponse<String> listed = get("/teacher");
        HttpResponse<String> projector = get("/classes/1010/projector");
        Matcher code = CODE.matcher(projector.body());
        assertThat(code.find()).as(projector.body()).isTrue();
        try (var student = server.client()) {
            student.checkIn(new Matricula("042191010"), new ClassId(1010),
                    java.util.Optional.of(code.group(1).replace(" ", "")));
        }
        HttpResponse<String> projected = get("/classes/1010/projector");
        HttpResponse<String> status = get("/classes/1010");
        HttpResponse<String> closed = post("/classes/1010/close", "");
        HttpResponse<String> csv = get("/classes/1010/export.csv");

        assertThat(home.body()).contains("Open a roll call");
        assertThat(listed.body()).contains("Open roll calls").contains("href=\"/classes/1010\"");
        assertThat(classPage.uri().getPath()).isEqualTo("/classes/1010");
        assertThat(classPage.body()).contains("Class 1010").contains(code.group(1).replace(" ", ""));
        assertThat(projector.body()).contains("<svg").contains("Present: 0");
        assertThat(projected.body()).contains("Present: 1").contains("••••••010").doesNotContain("042191010");
        assertThat(status.body()).contains("042191010");
        assertThat(closed.body()).contains("Roll call of class 1010 closed at").contains("042191010");
        assertThat(csv.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"chamada-1010.csv\"");
        assertThat(csv.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(csv.body()).contains(",042191010,");
    }

    @Test
    void close_fromTheProjector_showsTheCountNotTheList_whichTheClassPageShows() throws Exception {
        startWithTeachers();
        post("/teacher/login", "name=ana&secret=s3cret");
        post("/teacher/open", "class=1010&code_policy=none");
        try (var student = server.client()) {
            student.checkIn(new Matricula("042191010"), new ClassId(1010));
        }

        HttpResponse<String> projected = post("/classes/1010/close", "from=projector");
        HttpResponse<String> classPage = get("/classes/1010");

        assertThat(projected.body()).contains("Present: 1").doesNotContain("042191010");
        assertThat(classPage.body()).contains("closed at").contains("042191010");
    }

    @Test
    void classPages_withoutLogin_sendToTheLoginPage_andAWrongSecretIsSaid() throws Exception {
        startWithTeachers();

        HttpResponse<String> redirected = get("/classes/1010/projector");
        HttpResponse<String> wrong = post("/teacher/login", "name=ana&secret=nope");

        assertThat(redirected.uri().getPath()).isEqualTo("/teacher");
        assertThat(redirected.body()).contains("type=\"password\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Unknown teacher or wrong secret");
    }

    /** Review of issue 16: the login page answered 401 where the API answers 429 for the same refusal. */
    @Test
    void login_afterTooManyWrongSecrets_answers429_asTheApiDoes() throws Exception {
        startWithTeachers();

        HttpResponse<String> wrong = post("/teacher/login", "name=ana&secret=nope");
        for (int i = 0; i < 100 && wrong.statusCode() == 401; i++) {
            wrong = post("/teacher/login", "name=ana&secret=nope");
        }

        assertThat(wrong.statusCode()).isEqualTo(429);
        assertThat(wrong.body()).contains("type=\"password\"");
    }

    @Test
    void aTeacherName_withMarkup_isShownAsText() throws Exception {
        startWithTeachers();
        post("/teacher/login", "name=ana&secret=s3cret");
        post("/teacher/open", "class=1010&code_policy=none");
        try (var student = server.client()) {
            student.checkIn(new Matricula("1"), new ClassId(1010));
        }
        post("/classes/1010/close", "");

        HttpResponse<String> history = get("/classes/1010/history");

        assertThat(history.body()).contains("<td>ana</td>").doesNotContain("<script>");
    }

    @Test
    void history_saysWhichRollCallTheServerClosed() throws Exception {
        startWithTeachers();
        post("/teacher/login", "name=ana&secret=s3cret");
        post("/teacher/open", "class=1010&code_policy=none");
        // As the server does once the roll call has been open --auto-close-after minutes.
        Application application = server.server().application();
        application.handle(application.reservedSession(TeacherName.SERVER, Lang.EN, InetAddress.getLoopbackAddress()),
                new Request.Close(new ClassId(1010))).join();

        HttpResponse<String> history = get("/classes/1010/history");

        assertThat(history.body()).contains(", by the server: nobody closed it in time</td>");
    }

    @Test
    void openMode_teacherPagesFromAnotherMachine_sayHowToAddTeachers() throws Exception {
        server = TestServer.start(dir, config -> config.withTrustedProxies(List.of(Network.parse("127.0.0.1")))
                .withWeb(new WebFront(WebConfig.forTests())));

        HttpResponse<String> fromAfar = send(HttpRequest.newBuilder(URI.create(server.webBase() + "/teacher"))
                .header("X-Forwarded-For", "10.0.0.9").header("Accept-Language", "en").build());
        HttpResponse<String> local = get("/teacher");

        assertThat(fromAfar.statusCode()).isEqualTo(403);
        assertThat(fromAfar.body()).contains("chamada teacher add NAME --teachers FILE");
        assertThat(local.body()).contains("Open a roll call").contains("Open mode: anybody may read a code here");
    }

    @Test
    void actions_byGet_changeNothing_andUnknownPaths_areNotFound() throws Exception {
        startWithTeachers();
        post("/teacher/login", "name=ana&secret=s3cret");

        HttpResponse<String> logoutByGet = get("/teacher/logout");
        HttpResponse<String> classes = get("/classes");
        HttpResponse<String> badPolicy = post("/teacher/open", "class=1010&code_policy=sometimes");

        assertThat(logoutByGet.body()).contains("Open a roll call");
        assertThat(get("/teacher").body()).contains("Open a roll call");
        assertThat(classes.statusCode()).isEqualTo(404);
        assertThat(badPolicy.statusCode()).isEqualTo(400);
        assertThat(badPolicy.body()).contains("Unknown check-in code policy");
        try (var client = server.client()) {
            assertThat(client.status(new ClassId(1010))).isInstanceOf(chamada.protocol.Response.Failure.class);
        }
    }

    @Test
    void post_withoutTheFormToken_isRefused() throws Exception {
        startWithTeachers();
        get("/teacher");

        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(server.webBase() + "/teacher/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=ana&secret=s3cret")).build());

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    /** The roster upload is a multipart form: its form token is checked among its parts, and a Latin-1 file is refused as such. */
    @Test
    void rosterUpload_withTheFormToken_importsTheFile_withoutItIsForbidden_andLatin1IsSaid() throws Exception {
        startWithTeachers();
        post("/teacher/login", "name=ana&secret=s3cret");
        Matcher token = TOKEN.matcher(get("/classes/1010/roster").body());
        assertThat(token.find()).isTrue();
        byte[] csv = "matricula,name\n042191010,Conceição Araújo\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> forged = upload("/classes/1010/roster", "forged-token-000000000", csv, false);
        HttpResponse<String> latin1 = upload("/classes/1010/roster", token.group(1),
                "matricula,name\n1,Conceição\n".getBytes(StandardCharsets.ISO_8859_1), false);
        HttpResponse<String> imported = upload("/classes/1010/roster", token.group(1), csv, false);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(latin1.body()).contains("Nothing was imported: 1 line(s) cannot be read.")
                .contains("the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        assertThat(imported.body()).contains("Imported: 1 students (1 added, 0 renamed, 0 removed).")
                .contains("<td>042191010</td><td>Conceição Araújo</td>");
    }

    /** The corrections form: a missing field or a bad matrícula is said on the page, and a correction goes into the audit. */
    @Test
    void corrections_badFieldsAreSaid_andACorrectionIsAudited() throws Exception {
        startWithTeachers();
        post("/teacher/login", "name=ana&secret=s3cret");
        post("/teacher/open", "class=1010&code_policy=none");

        HttpResponse<String> missing = post("/classes/1010/audit", "matricula=7&status=present&reason=");
        HttpResponse<String> bad = post("/classes/1010/audit", "matricula=7x&status=present&reason=esqueceu");
        HttpResponse<String> marked = post("/classes/1010/audit", "matricula=7&status=present&reason=esqueceu+o+celular");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Fill in the matrícula, the status and the reason.");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Invalid field matricula");
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(marked.body()).contains("7 is now present in roll call 1 (was without a status).")
                .contains("<td>esqueceu o celular</td>");
    }

    /** The materials page's upload is a script's PUT: its form token comes in a header, and without it nothing is published. */
    @Test
    void materialUpload_withTheFormTokenHeader_publishes_withoutItIsForbidden() throws Exception {
        startWithTeachers();
        Matcher loggedOut = TOKEN.matcher(get("/teacher").body());
        assertThat(loggedOut.find()).isTrue();
        HttpResponse<String> withoutSession = put("/classes/1010/materials/roteiro.txt", loggedOut.group(1), "1) Abra");
        post("/teacher/login", "name=ana&secret=s3cret");
        Matcher token = Pattern.compile("data-token=\"([A-Za-z0-9_-]{22})\"").matcher(get("/classes/1010/materials").body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> forged = put("/classes/1010/materials/roteiro.txt", null, "1) Abra um socket.");
        HttpResponse<String> wrong = put("/classes/1010/materials/roteiro.txt", "forged-token-000000000", "1) Abra");
        HttpResponse<String> published = put("/classes/1010/materials/roteiro%20final.txt", token.group(1),
                "1) Abra um socket.");
        HttpResponse<String> badName = put("/classes/1010/materials/CON.txt", token.group(1), "x");

        assertThat(withoutSession.statusCode()).as("a script can tell a session that ended").isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).startsWith("{\"ok\":true,\"op\":\"upload\",\"class\":1010,\"file\":\"roteiro final.txt\"");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("\"ok\":false").contains("INVALID_FIELD");
        assertThat(get("/classes/1010/materials").body()).contains(">roteiro final.txt</a>").doesNotContain("roteiro.txt");
    }

    /**
     * A class view's stream ends by itself, and its reconnect asks the session again: the inbox
     * page of a teacher who has logged out stops hearing the class within the stream's life.
     */
    @Test
    void inboxStream_endsByItself_andAfterALogoutIsNotServedAgain() throws Exception {
        startWithTeachers();
        post("/teacher/login", "name=ana&secret=s3cret");

        HttpResponse<java.util.stream.Stream<String>> stream = browser.send(HttpRequest.newBuilder(
                URI.create(server.webBase() + "/classes/1010/inbox/events?after=0")).build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> lines = java.util.concurrent.CompletableFuture.supplyAsync(() -> stream.body().toList())
                .get(EventStreams.CLASS_VIEW_LIFETIME.toSeconds() * 3, java.util.concurrent.TimeUnit.SECONDS);
        post("/teacher/logout", "");
        HttpResponse<String> again = get("/classes/1010/inbox/events?after=0");

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(lines).startsWith("retry: 2000", "", "event: question");
        assertThat(lines.get(3)).startsWith("data: {\"class\":1010,\"at\":\"").doesNotContain("\"id\"");
        assertThat(again.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(again.body()).contains("action=\"/teacher/login\"");
    }

    private HttpResponse<String> put(String path, String formToken, String text) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.webBase() + path))
                .header("Accept-Language", "en").PUT(HttpRequest.BodyPublishers.ofString(text));
        if (formToken != null) {
            request.header(MaterialsPage.FORM_TOKEN_HEADER, formToken);
        }
        return send(request.build());
    }

    /** Posts a roster file as the roster page's form does: multipart, the token and the file among the parts. */
    private HttpResponse<String> upload(String path, String formToken, byte[] file, boolean skipBad)
            throws IOException, InterruptedException {
        String boundary = "chamada-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"form_token\"\r\n\r\n" + formToken
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (skipBad) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"skip_bad\"\r\n\r\ntrue\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"roster\"; filename=\"1010.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(server.webBase() + path)).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private void startWithTeachers() throws IOException {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        server = TestServer.start(dir, config -> config.withTeachersFile(teachers)
                .withWeb(new WebFront(WebConfig.forTests())));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.webBase() + path)).header("Accept-Language", "en").build());
    }

    /** Posts {@code form} with the form token of the teacher's page, as its form would. */
    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        Matcher token = TOKEN.matcher(get("/teacher").body());
        assertThat(token.find()).isTrue();
        String body = "form_token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + (form.isEmpty() ? "" : "&" + form);
        return send(HttpRequest.newBuilder(URI.create(server.webBase() + path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
