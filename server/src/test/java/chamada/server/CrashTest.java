package chamada.server;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.messages.ClassMessage;
import chamada.messages.MessageText;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.CheckInsUntilKilled;
import chamada.testing.ChildServer;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/** A server killed with SIGKILL under load loses nothing it acknowledged. */
class CrashTest {

    private static final int CLASSES = 5;
    private static final int WRITERS = 40;
    private static final int ACKS_BEFORE_KILL = 3_000;

    @TempDir
    Path dir;

    @Test
    void killDashNine_underLoad_keepsEveryAcknowledgedCheckInAndOpenRollCall() throws Exception {
        Path database = dir.resolve("crash.db");
        Map<Integer, Set<String>> acknowledged;
        try (ChildServer child = ChildServer.start(database)) {
            try (ChamadaClient teacher = client(child.port())) {
                for (int c = 1; c <= CLASSES; c++) {
                    as(teacher.open(new ClassId(c)), Response.Opened.class);
                }
            }
            acknowledged = CheckInsUntilKilled.run(child.port(), CLASSES, WRITERS, ACKS_BEFORE_KILL, child::kill);
        }

        try (ChildServer restarted = ChildServer.start(database);
             ChamadaClient teacher = client(restarted.port())) {
            int total = 0;
            for (int c = 1; c <= CLASSES; c++) {
                Response.RollCallReply status = as(teacher.status(new ClassId(c)), Response.RollCallReply.class);
                Set<String> present = new HashSet<>(
                        status.rollCall().present().stream().map(x -> x.matricula().value()).toList());
                assertThat(present).as("class %d keeps every acknowledged check-in", c)
                        .containsAll(acknowledged.getOrDefault(c, Set.of()));
                total += acknowledged.getOrDefault(c, Set.of()).size();
            }
            assertThat(total).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        }
    }

    /**
     * Messages posted by several students at once, the server killed as the twentieth is
     * acknowledged: each acknowledged one is in the inbox after the restart. (An address may post
     * 30 at once, so the writers stop there.)
     */
    @Test
    void killDashNine_whileMessagesArePosted_keepsEveryAcknowledgedMessage() throws Exception {
        Path database = dir.resolve("messages.db");
        ClassId classId = new ClassId(1010);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        try (ChildServer child = ChildServer.start(database)) {
            AtomicInteger next = new AtomicInteger();
            CountDownLatch twenty = new CountDownLatch(20);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                writers.add(Thread.ofPlatform().start(() -> {
                    try (ChamadaClient student = client(child.port())) {
                        for (int i = next.getAndIncrement(); i < 30; i = next.getAndIncrement()) {
                            Response reply = student.message(classId, Optional.of(new Matricula(Integer.toString(100 + i))),
                                    new MessageText("pergunta " + i));
                            if (reply instanceof Response.MessageSent sent) {
                                acknowledged.add(sent.id());
                                twenty.countDown();
                            }
                        }
                    } catch (RuntimeException killed) {
                        // The server died under this writer: what it acknowledged before is counted.
                    }
                }));
            }
            assertThat(twenty.await(60, TimeUnit.SECONDS)).isTrue();
            child.kill();
            for (Thread writer : writers) {
                writer.join();
            }
        }

        try (ChildServer restarted = ChildServer.start(database);
             ChamadaClient teacher = client(restarted.port())) {
            Set<Long> kept = new HashSet<>(as(teacher.inbox(classId, false), Response.Inbox.class).messages()
                    .stream().map(ClassMessage::id).toList());
            assertThat(kept).containsAll(acknowledged);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        }
    }

    private static ChamadaClient client(int port) {
        return ChamadaClient.connect("127.0.0.1", port, Lang.EN, TestServer.CLIENT_TIMEOUT);
    }
}
