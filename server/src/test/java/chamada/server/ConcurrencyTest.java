package chamada.server;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Many teachers and students at once: every count exact, nothing lost or doubled. */
class ConcurrencyTest {

    private static final int CLASSES = 20;
    private static final int STUDENTS = 200;
    private static final int CHECK_INS_PER_STUDENT = 10;

    @TempDir
    Path dir;

    @Test
    void twoHundredStudents_twentyClasses_whileOtherClassesOpenAndClose_countsAreExact() throws Exception {
        try (TestServer server = TestServer.start(dir);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try (ChamadaClient teacher = server.client()) {
                for (int c = 1; c <= CLASSES; c++) {
                    as(teacher.open(new ClassId(c)), Response.Opened.class);
                }
            }
            Map<Integer, Set<String>> acknowledged = new ConcurrentHashMap<>();
            List<Future<?>> work = new ArrayList<>();
            for (int s = 0; s < STUDENTS; s++) {
                int student = s;
                work.add(threads.submit(() -> {
                    try (ChamadaClient client = server.client()) {
                        for (int i = 0; i < CHECK_INS_PER_STUDENT; i++) {
                            int classId = 1 + (student + i) % CLASSES;
                            // Each matrícula checks into each class at most once, and the last one twice.
                            String matricula = String.format("%05d", student);
                            Response reply = client.checkIn(new Matricula(matricula), new ClassId(classId));
                            Response.CheckedIn checkedIn = as(reply, Response.CheckedIn.class);
                            assertThat(acknowledged.computeIfAbsent(classId, k -> ConcurrentHashMap.newKeySet())
                                    .add(matricula)).isEqualTo(!checkedIn.alreadyRegistered());
                        }
                        Response again = client.checkIn(new Matricula(String.format("%05d", student)),
                                new ClassId(1 + student % CLASSES));
                        assertThat(as(again, Response.CheckedIn.class).alreadyRegistered()).isTrue();
                    }
                    return null;
                }));
            }
            // Meanwhile, other teachers open and close classes of their own.
            for (int t = 0; t < 10; t++) {
                int classId = 1000 + t;
                work.add(threads.submit(() -> {
                    try (ChamadaClient teacher = server.client()) {
                        for (int round = 0; round < 5; round++) {
                            as(teacher.open(new ClassId(classId)), Response.Opened.class);
                            as(teacher.close(new ClassId(classId)), Response.RollCallReply.class);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }

            try (ChamadaClient teacher = server.client()) {
                int total = 0;
                for (int c = 1; c <= CLASSES; c++) {
                    Response.RollCallReply closed = as(teacher.close(new ClassId(c)), Response.RollCallReply.class);
                    List<String> present = closed.rollCall().present().stream().map(x -> x.matricula().value()).toList();
                    assertThat(new HashSet<>(present)).hasSize(present.size());
                    assertThat(new HashSet<>(present)).isEqualTo(acknowledged.get(c));
                    total += present.size();
                }
                assertThat(total).isEqualTo(STUDENTS * CHECK_INS_PER_STUDENT);
                for (int t = 0; t < 10; t++) {
                    assertThat(as(teacher.history(new ClassId(1000 + t)), Response.History.class).rollCalls()).hasSize(5);
                }
            }
        }
    }
}
