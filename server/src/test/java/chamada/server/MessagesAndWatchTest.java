package chamada.server;

import chamada.attendance.Reason;
import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.messages.ClassMessage;
import chamada.messages.MessageText;
import chamada.protocol.Json;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;
import chamada.testing.PipelinedCheckIns;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Class messages and live watching, end to end over the native protocol on a server in open
 * mode: a message acknowledged with its id and stored, inboxes apart per class, anonymity and the
 * posting rate, and {@code watch}: other connections' events in order, and a watcher that stops
 * reading dropped without holding back a single check-in.
 */
class MessagesAndWatchTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final ClassId OTHER_CLASS = new ClassId(2020);
    private static final Matricula ALICE = new Matricula("042191010");
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    private TestServer server;
    private ChamadaClient teacher;
    private ChamadaClient student;

    /** The store the server keeps its data in: the config's own, the embedded one. */
    ServerConfig onStore(ServerConfig config) {
        return config;
    }

    @BeforeEach
    void start() {
        server = TestServer.start(dir, this::onStore);
        teacher = server.client();
        student = server.client();
    }

    @AfterEach
    void stop() {
        teacher.close();
        student.close();
        server.close();
    }

    private static MessageText text(String text) {
        return new MessageText(text);
    }

    @Test
    void message_isAcknowledgedWithItsId_andOnlyInItsClassesInbox() {
        Response.MessageSent first = as(student.message(CLASS, Optional.of(ALICE), text("Posso entregar amanhã?")),
                Response.MessageSent.class);
        student.sendLine("message 2020 205182055 outra turma, outra pergunta");
        student.flush();
        Response.MessageSent other = as(student.receive(), Response.MessageSent.class);

        List<ClassMessage> inbox = as(teacher.inbox(CLASS, false), Response.Inbox.class).messages();

        assertThat(first.classId()).isEqualTo(1010);
        assertThat(inbox).extracting(ClassMessage::id, m -> m.text().value(), ClassMessage::sender, ClassMessage::read)
                .containsExactly(tuple(first.id(), "Posso entregar amanhã?",
                        Optional.of(ALICE), false));
        assertThat(inbox.getFirst().at()).isEqualTo(first.at());
        assertThat(as(teacher.inbox(OTHER_CLASS, false), Response.Inbox.class).messages())
                .extracting(m -> m.text().value()).containsExactly("outra turma, outra pergunta");
        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    void read_marksTheMessages_andUnreadListsTheRest() {
        long first = as(student.message(CLASS, Optional.of(ALICE), text("um")), Response.MessageSent.class).id();
        long second = as(student.message(CLASS, Optional.of(ALICE), text("dois")), Response.MessageSent.class).id();

        Response.MarkedRead read = as(teacher.markRead(CLASS, List.of(first)), Response.MarkedRead.class);

        assertThat(read.marked()).isEqualTo(1);
        assertThat(as(teacher.inbox(CLASS, true), Response.Inbox.class).messages()).extracting(ClassMessage::id)
                .containsExactly(second);
    }

    @Test
    void anonymousMessage_isRefusedUntilTheTeacherAllowsIt() {
        Response refused = student.message(CLASS, Optional.empty(), text("pergunta sem nome"));
        assertThat(as(refused, Response.Failure.class).code()).isEqualTo(ErrorCode.ANONYMOUS_NOT_ALLOWED);

        assertThat(as(teacher.anonymous(CLASS, Optional.of(true)), Response.Anonymous.class).anonymous()).isTrue();
        student.sendLine("message 1010 - pergunta sem nome");
        student.flush();
        as(student.receive(), Response.MessageSent.class);

        assertThat(as(teacher.inbox(CLASS, false), Response.Inbox.class).messages()).extracting(ClassMessage::sender)
                .containsExactly(Optional.empty());
    }

    @Test
    void aStudentWritingTooFast_isToldToWait_andNothingPastTheLimitIsStored() {
        List<Response> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(student.message(CLASS, Optional.of(ALICE), text("pergunta " + i)));
        }

        assertThat(replies.subList(0, 5)).allMatch(Response.MessageSent.class::isInstance);
        assertThat(replies.subList(5, 8)).allSatisfy(reply ->
                assertThat(as(reply, Response.Failure.class).code()).isEqualTo(ErrorCode.TOO_MANY_MESSAGES));
        assertThat(as(teacher.inbox(CLASS, false), Response.Inbox.class).messages()).hasSize(5);
        assertThat(student.message(CLASS, Optional.of(new Matricula("7")), text("outro aluno")))
                .isInstanceOf(Response.MessageSent.class);
    }

    @Test
    void messageText_tooLong_orWithControlCharacters_isRefusedByName() throws Exception {
        student.sendLine("{\"op\":\"message\",\"class\":1010,\"matricula\":\"7\",\"text\":\"" + "a".repeat(2_001) + "\"}");
        student.sendLine("{\"op\":\"message\",\"class\":1010,\"matricula\":\"7\",\"text\":\"bip\\u001b[2J\"}");
        student.flush();

        JsonNode tooLong = JSON.readTree(student.receiveLine());
        JsonNode control = JSON.readTree(student.receiveLine());

        assertThat(tooLong.get("code").asText()).isEqualTo("MESSAGE_TOO_LONG");
        assertThat(control.get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(control.get("message").asText()).contains("text");
        assertThat(as(teacher.inbox(CLASS, false), Response.Inbox.class).messages()).isEmpty();
    }

    @Test
    void watch_hearsOtherConnectionsEvents_inTheOrderTheyHappened() {
        try (ChamadaClient watcher = server.client()) {
            assertThat(as(watcher.watch(CLASS), Response.Watching.class).classId()).isEqualTo(1010);

            as(teacher.open(CLASS), Response.Opened.class);
            assertThat(watcher.nextEvent()).isInstanceOf(RollCallEvent.Opened.class);
            for (String matricula : List.of("30", "10", "20")) {
                student.send(new Request.CheckIn(new Matricula(matricula), CLASS));
            }
            student.flush();
            for (int i = 0; i < 3; i++) {
                as(student.receive(), Response.CheckedIn.class);
            }
            List<RollCallEvent> checkIns = List.of(watcher.nextEvent(), watcher.nextEvent(), watcher.nextEvent());
            as(teacher.mark(CLASS, new Matricula("10"), AttendanceStatus.EXCUSED, new Reason("atestado"),
                    Optional.empty()), Response.Marked.class);
            RollCallEvent marked = watcher.nextEvent();
            long message = as(student.message(CLASS, Optional.of(ALICE), text("Professora, a prova é amanhã?")),
                    Response.MessageSent.class).id();
            RollCallEvent posted = watcher.nextEvent();
            as(teacher.close(CLASS), Response.RollCallReply.class);
            RollCallEvent closed = watcher.nextEvent();

            assertThat(checkIns).extracting(e -> ((RollCallEvent.CheckedIn) e).matricula().value(),
                    e -> ((RollCallEvent.CheckedIn) e).count()).containsExactly(
                    tuple("30", 1), tuple("10", 2),
                    tuple("20", 3));
            assertThat(marked).isInstanceOfSatisfying(RollCallEvent.Marked.class, mark -> {
                assertThat(mark.matricula()).isEqualTo(new Matricula("10"));
                assertThat(mark.status()).isEqualTo(AttendanceStatus.EXCUSED);
            });
            assertThat(posted).isInstanceOfSatisfying(RollCallEvent.MessagePosted.class, post -> {
                assertThat(post.id()).isEqualTo(message);
                assertThat(post.text()).isEqualTo("Professora, a prova é amanhã?");
                assertThat(post.sender()).contains(ALICE);
            });
            assertThat(closed).isInstanceOfSatisfying(RollCallEvent.Closed.class,
                    close -> assertThat(close.count()).isEqualTo(3));
            // The watcher still answers requests between events.
            assertThat(watcher.status(OTHER_CLASS)).isInstanceOf(Response.Failure.class);
        }
    }

    @Test
    void watch_ofAnotherClass_hearsNothingOfThisOne() {
        try (ChamadaClient watcher = server.client()) {
            as(watcher.watch(OTHER_CLASS), Response.Watching.class);
            as(teacher.open(CLASS), Response.Opened.class);
            as(student.message(CLASS, Optional.of(ALICE), text("para a 1010")), Response.MessageSent.class);
            as(teacher.open(OTHER_CLASS), Response.Opened.class);

            RollCallEvent first = watcher.nextEvent();

            assertThat(first).isInstanceOfSatisfying(RollCallEvent.Opened.class,
                    opened -> assertThat(opened.classId()).isEqualTo(OTHER_CLASS));
        }
    }

    /**
     * A watcher that never reads is dropped once it is too many events behind (the server's bound, and
     * the socket buffers between); every check-in meanwhile is acknowledged, and a watcher that reads
     * hears them all. Counted, not timed.
     */
    @Test
    void aWatcherThatStopsReading_isDropped_whileEveryCheckInIsAcknowledged_andReadersHearThemAll() throws Exception {
        int checkIns = 30_000;
        as(teacher.open(CLASS), Response.Opened.class);
        try (Socket stalled = new Socket(); ChamadaClient reader = server.client()) {
            stalled.setReceiveBufferSize(1024);
            stalled.setSoTimeout(30_000); // a server that never drops it fails the test rather than hangs it
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
            OutputStream toStalled = stalled.getOutputStream();
            toStalled.write("watch 1010\n".getBytes(StandardCharsets.UTF_8));
            toStalled.flush();
            as(reader.watch(CLASS), Response.Watching.class);
            CompletableFuture<Integer> heard = CompletableFuture.supplyAsync(() -> {
                int count = 0;
                while (count < checkIns) {
                    if (reader.nextEvent() instanceof RollCallEvent.CheckedIn) {
                        count++;
                    }
                }
                return count;
            });

            int acknowledged = PipelinedCheckIns.send(student, CLASS, checkIns);

            assertThat(acknowledged).isEqualTo(checkIns);
            assertThat(heard.get(60, TimeUnit.SECONDS)).isEqualTo(checkIns);
            List<String> lines = new ArrayList<>();
            try (BufferedReader fromStalled = new BufferedReader(
                    new InputStreamReader(stalled.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = fromStalled.readLine(); line != null; line = fromStalled.readLine()) {
                    lines.add(line);
                }
            }
            assertThat(lines.getFirst()).contains("\"op\":\"watch\"");
            assertThat(lines.getLast()).contains("WATCH_TOO_SLOW");
            assertThat(lines.size() - 2).as("events the stalled watcher was sent before it was dropped")
                    .isLessThan(checkIns);
        }
    }
}
