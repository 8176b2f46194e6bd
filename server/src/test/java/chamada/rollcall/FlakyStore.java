package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store whose writes succeed, or fail while {@link #failWrites} is set, like a full disk.
 * It remembers nothing beyond what the rules' tests need.
 */
final class FlakyStore implements RollCallStore {

    final AtomicBoolean failWrites = new AtomicBoolean();
    final List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong();

    @Override
    public long newRollCallId() {
        return ids.incrementAndGet();
    }

    private CompletableFuture<Void> write(String what) {
        if (failWrites.get()) {
            return CompletableFuture.failedFuture(new java.io.IOException("disk full"));
        }
        written.add(what);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> open(long id, ClassId classId, TeacherName teacher, OffsetDateTime openedAt) {
        return write("open " + classId);
    }

    @Override
    public CompletableFuture<Void> checkIn(long rollCallId, CheckIn checkIn) {
        return write("checkin " + checkIn.matricula());
    }

    @Override
    public CompletableFuture<Void> close(long rollCallId, OffsetDateTime closedAt) {
        return write("close " + rollCallId);
    }

    @Override
    public List<StoredRollCall> openRollCalls() {
        return List.of();
    }

    @Override
    public CompletableFuture<List<PastRollCall>> history(ClassId classId) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<RollCall>> closedRollCalls(ClassId classId) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public String describe() {
        return "flaky test store";
    }

    @Override
    public void close() {
    }
}
