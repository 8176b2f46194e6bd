package chamada.server;

import chamada.error.ErrorCode;
import chamada.protocol.Json;
import chamada.protocol.Op;
import chamada.rollcall.Network;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.ProxyHeaders;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every native op, asked by every kind of caller who must be refused it, on real servers on
 * loopback: the access half of docs/SECURITY.md's table, so that a new op, or a rule that
 * loosens, fails here. One server has teachers (ana, assigned class 1010; bruno, another class's;
 * diretora, an administrator); the other is in open mode behind a trusted proxy, so that a
 * client can stand for another machine of the network. Logins happen once; each case then
 * resumes the teacher's token on a fresh connection, so the cases do not pay a password check each.
 */
class NativeAccessTest {

    private static final String CLASS = "1010";

    /** Who asks, each on a connection of their own. */
    enum Caller {
        /** Nobody logged in, on a server with teachers' accounts. */
        STRANGER,
        /** A logged-in teacher who is not among the class's assigned teachers. */
        TEACHER_OF_ANOTHER_CLASS,
        /** A logged-in teacher of the class, who is no administrator. */
        TEACHER,
        /** An administrator. */
        ADMINISTRATOR,
        /** Anybody on another machine of the network, on a server in open mode. */
        NETWORK_IN_OPEN_MODE
    }

    /** Who an op is for, and what each wrong caller gets instead. */
    enum Access {
        ANYBODY(Map.of()),
        CLASS_TEACHER(Map.of(Caller.STRANGER, ErrorCode.AUTH_REQUIRED,
                Caller.TEACHER_OF_ANOTHER_CLASS, ErrorCode.NOT_ASSIGNED)),
        ADMINISTRATOR(Map.of(Caller.STRANGER, ErrorCode.AUTH_REQUIRED,
                Caller.TEACHER_OF_ANOTHER_CLASS, ErrorCode.NOT_ADMINISTRATOR,
                Caller.TEACHER, ErrorCode.NOT_ADMINISTRATOR,
                Caller.NETWORK_IN_OPEN_MODE, ErrorCode.NOT_ADMINISTRATOR));

        private final Map<Caller, ErrorCode> refusals;

        Access(Map<Caller, ErrorCode> refusals) {
            this.refusals = refusals;
        }

        /** The caller this access is for, who must never get one of the refusals above. */
        Caller rightCaller() {
            return switch (this) {
                case ANYBODY -> Caller.STRANGER;
                case CLASS_TEACHER -> Caller.TEACHER;
                case ADMINISTRATOR -> Caller.ADMINISTRATOR;
            };
        }
    }

    /** An op's access and one well-formed request of it, for class {@value #CLASS}. */
    record Asked(Access access, String request) {
    }

    private static final Set<ErrorCode> ACCESS_REFUSALS = EnumSet.of(ErrorCode.AUTH_REQUIRED, ErrorCode.NOT_ASSIGNED,
            ErrorCode.NOT_ADMINISTRATOR, ErrorCode.OPEN_MODE_LOCAL_ONLY, ErrorCode.ACCOUNT_INACTIVE);

    private static final Map<Op, Asked> OPS = asked();

    private static Map<Op, Asked> asked() {
        Map<Op, Asked> ops = new EnumMap<>(Op.class);
        ops.put(Op.HELLO, new Asked(Access.ANYBODY, "{\"op\":\"hello\",\"lang\":\"en\"}"));
        ops.put(Op.LOGIN, new Asked(Access.ANYBODY, "{\"op\":\"login\",\"name\":\"ana\",\"secret\":\"wrong\"}"));
        ops.put(Op.RESUME, new Asked(Access.ANYBODY, "{\"op\":\"resume\",\"token\":\"forged\"}"));
        ops.put(Op.OPEN, classOp("open", ""));
        ops.put(Op.CLOSE, classOp("close", ""));
        ops.put(Op.STATUS, classOp("status", ""));
        ops.put(Op.CHECKIN, new Asked(Access.ANYBODY, "{\"op\":\"checkin\",\"matricula\":\"42\",\"class\":" + CLASS + "}"));
        ops.put(Op.HISTORY, classOp("history", ""));
        ops.put(Op.EXPORT, classOp("export", ""));
        ops.put(Op.ROSTER, classOp("roster", ""));
        ops.put(Op.MARK, classOp("mark", ",\"matricula\":\"42\",\"status\":\"excused\",\"reason\":\"doctor\""));
        ops.put(Op.AUDIT, classOp("audit", ""));
        ops.put(Op.REPORT, classOp("report", ""));
        ops.put(Op.ROSTER_IMPORT, classOp("roster_import", ",\"students\":[{\"matricula\":\"42\",\"name\":\"Ana Souza\"}]"));
        ops.put(Op.CLASS_DEFAULTS, classOp("class_defaults", ",\"late_after\":10"));
        ops.put(Op.TEACHERS, new Asked(Access.ADMINISTRATOR, "{\"op\":\"teachers\"}"));
        ops.put(Op.ACCOUNT, new Asked(Access.ADMINISTRATOR,
                "{\"op\":\"account\",\"action\":\"disable\",\"name\":\"nobody-here\"}"));
        ops.put(Op.ASSIGN, new Asked(Access.ADMINISTRATOR, "{\"op\":\"assign\",\"class\":2020,\"teachers\":[\"bruno\"]}"));
        ops.put(Op.ASSIGNMENTS, new Asked(Access.ADMINISTRATOR, "{\"op\":\"assignments\"}"));
        ops.put(Op.STUDENT_DATA, new Asked(Access.ADMINISTRATOR, "{\"op\":\"student_data\",\"matricula\":\"42\"}"));
        ops.put(Op.FORGET, new Asked(Access.ADMINISTRATOR, "{\"op\":\"forget\",\"matricula\":\"999999\"}"));
        ops.put(Op.MESSAGE, new Asked(Access.ANYBODY,
                "{\"op\":\"message\",\"class\":" + CLASS + ",\"matricula\":\"42\",\"text\":\"hello\"}"));
        ops.put(Op.INBOX, classOp("inbox", ""));
        ops.put(Op.READ, classOp("read", ",\"ids\":[1]"));
        ops.put(Op.ANONYMOUS, classOp("anonymous", ",\"anonymous\":true"));
        ops.put(Op.SHOW, classOp("show", ",\"id\":\"off\""));
        ops.put(Op.WATCH, classOp("watch", ""));
        ops.put(Op.MATERIALS, new Asked(Access.ANYBODY, "{\"op\":\"materials\",\"class\":" + CLASS + "}"));
        ops.put(Op.UPLOAD, classOp("upload", ",\"file\":\"notes.txt\",\"size\":3,\"sha256\":\""
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""));
        ops.put(Op.DOWNLOAD, new Asked(Access.ANYBODY, "{\"op\":\"download\",\"class\":" + CLASS + ",\"file\":\"none.txt\"}"));
        ops.put(Op.REMOVE_MATERIAL, classOp("remove_material", ",\"file\":\"none.txt\""));
        ops.put(Op.BACKUP, new Asked(Access.ADMINISTRATOR, "{\"op\":\"backup\"}"));
        ops.put(Op.HEALTH, new Asked(Access.ANYBODY, "{\"op\":\"health\"}"));
        ops.put(Op.HELP, new Asked(Access.ANYBODY, "{\"op\":\"help\"}"));
        ops.put(Op.QUIT, new Asked(Access.ANYBODY, "{\"op\":\"quit\"}"));
        return ops;
    }

    private static Asked classOp(String op, String fields) {
        return new Asked(Access.CLASS_TEACHER, "{\"op\":\"" + op + "\",\"class\":" + CLASS + fields + "}");
    }

    @TempDir
    static Path dir;

    private static TestServer withTeachers;
    private static TestServer openMode;
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(dir.resolve("with-teachers"));
        Files.createDirectories(dir.resolve("open-mode"));
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "secret-of-ana", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("bruno"), "secret-of-bruno", false);
        TeachersFile.add(teachers, TeacherName.ofLogin("diretora"), "secret-of-diretora", true);
        withTeachers = TestServer.start(dir.resolve("with-teachers"), config -> config.withTeachersFile(teachers));
        openMode = TestServer.start(dir.resolve("open-mode"),
                config -> config.withTrustedProxies(List.of(Network.parse("127.0.0.1/32"))));
        TOKENS.put(Caller.TEACHER, login("ana", "secret-of-ana"));
        TOKENS.put(Caller.TEACHER_OF_ANOTHER_CLASS, login("bruno", "secret-of-bruno"));
        TOKENS.put(Caller.ADMINISTRATOR, login("diretora", "secret-of-diretora"));
        JsonNode assigned = ask(Caller.ADMINISTRATOR, "{\"op\":\"assign\",\"class\":" + CLASS + ",\"teachers\":[\"ana\"]}");
        assertThat(assigned.path("ok").asBoolean()).as("%s", assigned).isTrue();
    }

    @AfterAll
    static void stop() {
        withTeachers.close();
        openMode.close();
    }

    @Test
    void everyOp_hasItsAccessAndARequestHere() {
        assertThat(OPS.keySet()).containsExactlyInAnyOrder(Op.values());
    }

    static Stream<Arguments> wrongCallers() {
        return OPS.entrySet().stream().flatMap(op -> op.getValue().access().refusals.entrySet().stream()
                .map(refusal -> Arguments.of(op.getKey(), refusal.getKey(), refusal.getValue())));
    }

    @ParameterizedTest(name = "{0} by {1} is {2}")
    @MethodSource("wrongCallers")
    void everyOp_askedByAWrongCaller_isRefused(Op op, Caller caller, ErrorCode refusal) throws IOException {
        JsonNode reply = ask(caller, OPS.get(op).request());

        assertThat(reply.path("ok").asBoolean()).as("%s", reply).isFalse();
        assertThat(reply.path("code").asText()).as("%s", reply).isEqualTo(refusal.wireName());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Op.class)
    void everyOp_askedByItsRightCaller_isNotRefusedForWhoAsks(Op op) throws IOException {
        Asked asked = OPS.get(op);

        JsonNode reply = ask(asked.access().rightCaller(), asked.request());

        assertThat(ACCESS_REFUSALS.stream().map(ErrorCode::wireName))
                .as("%s by %s: %s", op, asked.access().rightCaller(), reply).doesNotContain(reply.path("code").asText());
    }

    /** {@code request}'s reply, asked by {@code caller} on a connection of their own. */
    private static JsonNode ask(Caller caller, String request) throws IOException {
        if (caller == Caller.NETWORK_IN_OPEN_MODE) {
            try (Line line = new Line(openMode.port(), Optional.of("192.0.2.7"))) {
                return line.ask(request);
            }
        }
        try (Line line = new Line(withTeachers.port(), Optional.empty())) {
            if (TOKENS.containsKey(caller)) {
                JsonNode resumed = line.ask("{\"op\":\"resume\",\"token\":\"" + TOKENS.get(caller) + "\"}");
                assertThat(resumed.path("ok").asBoolean()).as("resume as %s: %s", caller, resumed).isTrue();
            }
            return line.ask(request);
        }
    }

    private static String login(String name, String secret) throws IOException {
        try (Line line = new Line(withTeachers.port(), Optional.empty())) {
            JsonNode reply = line.ask("{\"op\":\"login\",\"name\":\"" + name + "\",\"secret\":\"" + secret + "\"}");
            assertThat(reply.path("token").isTextual()).as("%s", reply).isTrue();
            return reply.path("token").asText();
        }
    }

    /** One connection to a native port, a request and its one-line reply at a time. */
    private static final class Line implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;

        /** Connects; through the trusted proxy, as {@code client}, when given one. */
        Line(int port, Optional<String> client) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) TestServer.CLIENT_TIMEOUT.toMillis());
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (client.isPresent()) {
                socket.getOutputStream().write(ProxyHeaders.v1(client.get()));
            }
        }

        JsonNode ask(String request) throws IOException {
            socket.getOutputStream().write((request + "\n").getBytes(StandardCharsets.UTF_8));
            String reply = in.readLine();
            assertThat(reply).as("the reply to %s", request).isNotNull();
            return Json.mapper().readTree(reply);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
