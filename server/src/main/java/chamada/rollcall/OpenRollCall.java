package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live state of one open roll call: who is present, in arrival order, and whether
 * each check-in is durable yet.
 *
 * <p>Shared by every connection's virtual thread; all fields below the lock are guarded
 * by it. The lock is a {@link ReentrantLock} (not {@code synchronized}) so a waiting
 * virtual thread never pins its carrier, and it is held only for in-memory work and
 * the non-blocking submission of a store write, never while waiting for disk.
 */
final class OpenRollCall {

    /** A check-in and the store write that makes it durable. */
    record Entry(CheckIn checkIn, CompletableFuture<Void> durable) {
    }

    final long id;
    final ClassId classId;
    final TeacherName owner;
    final OffsetDateTime openedAt;
    final ReentrantLock lock = new ReentrantLock();

    private final Map<Matricula, Entry> byMatricula = new HashMap<>();
    private final List<Entry> arrivals = new ArrayList<>();
    private boolean closed;

    OpenRollCall(long id, ClassId classId, TeacherName owner, OffsetDateTime openedAt) {
        this.id = id;
        this.classId = classId;
        this.owner = owner;
        this.openedAt = openedAt;
    }

    /** Restores a roll call read back from the store; every check-in is already durable. */
    static OpenRollCall restored(RollCallStore.StoredRollCall stored) {
        RollCall rollCall = stored.rollCall();
        OpenRollCall open = new OpenRollCall(stored.id(), rollCall.classId(), rollCall.teacher(), rollCall.openedAt());
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        rollCall.present().forEach(checkIn -> open.add(new Entry(checkIn, done)));
        return open;
    }

    boolean isClosed() {
        return closed;
    }

    void markClosed(boolean closed) {
        this.closed = closed;
    }

    Optional<Entry> find(Matricula matricula) {
        return Optional.ofNullable(byMatricula.get(matricula));
    }

    void add(Entry entry) {
        byMatricula.put(entry.checkIn().matricula(), entry);
        arrivals.add(entry);
    }

    /** Forgets a check-in whose write failed, so the student can try again. */
    void remove(Entry entry) {
        if (byMatricula.remove(entry.checkIn().matricula(), entry)) {
            arrivals.remove(entry);
        }
    }

    List<CheckIn> present() {
        return arrivals.stream().map(Entry::checkIn).toList();
    }

    RollCall snapshot(Optional<OffsetDateTime> closedAt) {
        return new RollCall(classId, owner, openedAt, closedAt, present());
    }
}
