package chamada.reliability;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.TestServer;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Students checking in to one class, each on a connection of its own, until {@link #stop}: what
 * the server acknowledged, and the refusals it gave with their texts, for a disk-fault test to
 * check. Refusals do not stop a student, as a student would try again.
 */
final class CheckInLoad implements AutoCloseable {

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<ErrorCode, String> refusals = new ConcurrentHashMap<>();
    /**
     * The codes in the order students were first given them, so that the figures read as
     * RELIABILITY.md says ("STORE_FAILED, then STORE_UNAVAILABLE"), not in the map's hash order.
     */
    private final Queue<ErrorCode> refusalOrder = new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> students = new ArrayList<>();

    private CheckInLoad() {
    }

    /** Starts {@code writers} students checking in to {@code classId} on the server at {@code port}. */
    static CheckInLoad start(int port, ClassId classId, int writers) {
        CheckInLoad load = new CheckInLoad();
        for (int w = 0; w < writers; w++) {
            String prefix = (w + 1) + "0";
            load.students.add(Thread.ofVirtual().start(() -> load.checkIn(port, classId, prefix)));
        }
        return load;
    }

    private void checkIn(int port, ClassId classId, String prefix) {
        try (ChamadaClient student = ChamadaClient.connect("127.0.0.1", port, Lang.EN, TestServer.CLIENT_TIMEOUT)) {
            for (int i = 0; !stopping.get(); i++) {
                String matricula = prefix + i;
                Response reply = student.checkIn(new Matricula(matricula), classId);
                if (reply instanceof Response.CheckedIn) {
                    acknowledged.add(matricula);
                } else if (reply instanceof Response.Refusal refusal) {
                    if (refusals.putIfAbsent(refusal.code(), refusal.message()) == null) {
                        refusalOrder.add(refusal.code());
                    }
                    refused.incrementAndGet();
                }
            }
        } catch (UncheckedIOException e) {
            // The server went away under this student: what it acknowledged before is counted.
        }
    }

    long acknowledgedCount() {
        return acknowledged.size();
    }

    long refusedCount() {
        return refused.get();
    }

    /** Stops the students and returns what they were told. */
    Told stop() throws InterruptedException {
        stopping.set(true);
        for (Thread student : students) {
            student.join();
        }
        Map<ErrorCode, String> inOrder = new LinkedHashMap<>();
        refusalOrder.forEach(code -> inOrder.put(code, refusals.get(code)));
        return new Told(Set.copyOf(acknowledged), Collections.unmodifiableMap(inOrder), refused.get());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * The matrículas acknowledged, one message per refusal code (in the order the codes were first
     * given), and how many refusals in all.
     */
    record Told(Set<String> acknowledged, Map<ErrorCode, String> refusals, long refused) {
    }
}
