package chamada.rollcall;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.HumanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * The rules of the roll call, the same for every protocol: teachers open, read and close
 * the roll call of a class; students check in while it is open.
 *
 * <p>Design note. Open roll calls live in memory ({@link OpenRollCall}, one lock each) and
 * the store is their journal: a reply that says opened, registered or closed is sent only
 * after the store's future for that change completes, that is, once it is on disk. Each
 * change is decided under the roll call's lock and its write submitted under the same
 * lock, so the store receives writes in the order the rules decided them; waiting for the
 * disk happens outside the lock, where many callers share one group commit. A check-in
 * costs one hash lookup whatever the size of the class or the number of classes.
 *
 * <p>Called from the connections' virtual threads; everything here is thread-safe.
 */
public final class RollCallService {

    private static final Logger log = LoggerFactory.getLogger(RollCallService.class);

    private final RollCallStore store;
    private final Clock clock;
    private final ConcurrentMap<ClassId, OpenRollCall> open = new ConcurrentHashMap<>();

    /** Restores every roll call the store holds open, with its check-ins. */
    public RollCallService(RollCallStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (RollCallStore.StoredRollCall stored : store.openRollCalls()) {
            open.put(stored.rollCall().classId(), OpenRollCall.restored(stored));
        }
    }

    /** Opens the roll call of {@code classId}; refused if it is already open. */
    public RollCall open(Caller caller, ClassId classId) {
        TeacherName teacher = requireTeacher(caller);
        OffsetDateTime openedAt = now();
        OpenRollCall created = new OpenRollCall(store.newRollCallId(), classId, teacher, openedAt);
        OpenRollCall existing;
        CompletableFuture<Void> durable;
        created.lock.lock();
        try {
            existing = open.putIfAbsent(classId, created);
            // Submitted before any check-in can see the new roll call (they need its lock).
            durable = existing == null ? store.open(created.id, classId, teacher, openedAt) : null;
        } finally {
            created.lock.unlock();
        }
        if (existing != null) {
            throw new ChamadaException(ErrorCode.ALREADY_OPEN, classId, HumanTime.format(existing.openedAt));
        }
        try {
            await(durable);
        } catch (ChamadaException e) {
            open.remove(classId, created);
            throw e;
        }
        log.info("Roll call of class {} opened by {} (id {})", classId, teacher, created.id);
        return created.snapshot(Optional.empty());
    }

    /** Registers {@code matricula} in the open roll call of {@code classId}; anybody may check in. */
    public CheckInResult checkIn(Matricula matricula, ClassId classId) {
        OpenRollCall rollCall = open.get(classId);
        if (rollCall == null) {
            return new CheckInResult.NotOpen(classId, now());
        }
        OpenRollCall.Entry entry;
        boolean fresh;
        rollCall.lock.lock();
        try {
            if (rollCall.isClosed()) {
                return new CheckInResult.NotOpen(classId, now());
            }
            Optional<OpenRollCall.Entry> earlier = rollCall.find(matricula);
            fresh = earlier.isEmpty();
            if (fresh) {
                CheckIn checkIn = new CheckIn(matricula, now());
                entry = new OpenRollCall.Entry(checkIn, store.checkIn(rollCall.id, checkIn));
                rollCall.add(entry);
            } else {
                entry = earlier.get();
            }
        } finally {
            rollCall.lock.unlock();
        }
        try {
            // A duplicate also waits: "already registered" must never be said of a check-in that is not on disk.
            await(entry.durable());
        } catch (ChamadaException e) {
            if (fresh) {
                rollCall.lock.lock();
                try {
                    rollCall.remove(entry);
                } finally {
                    rollCall.lock.unlock();
                }
            }
            throw e;
        }
        OffsetDateTime at = entry.checkIn().at();
        return fresh ? new CheckInResult.Registered(classId, at) : new CheckInResult.AlreadyRegistered(classId, at);
    }

    /** The open roll call of {@code classId} as it stands: any teacher may read it. */
    public RollCall status(Caller caller, ClassId classId) {
        requireTeacher(caller);
        OpenRollCall rollCall = requireOpen(classId);
        rollCall.lock.lock();
        try {
            if (rollCall.isClosed()) {
                throw new ChamadaException(ErrorCode.NOT_OPEN, classId);
            }
            return rollCall.snapshot(Optional.empty());
        } finally {
            rollCall.lock.unlock();
        }
    }

    /**
     * Closes the roll call of {@code classId}; only the teacher who opened it may, except that
     * any teacher may close one opened by a reserved owner (open mode, legacy ports).
     */
    public RollCall close(Caller caller, ClassId classId) {
        TeacherName teacher = requireTeacher(caller);
        OpenRollCall rollCall = requireOpen(classId);
        RollCall closed;
        CompletableFuture<Void> durable;
        rollCall.lock.lock();
        try {
            if (rollCall.isClosed()) {
                throw new ChamadaException(ErrorCode.NOT_OPEN, classId);
            }
            // A roll call owned by the server itself (opened in open mode, or from a legacy port) may be
            // closed by any teacher: otherwise adding a teachers file would leave it open for good.
            if (!rollCall.owner.equals(teacher) && !rollCall.owner.isReserved()) {
                throw new ChamadaException(ErrorCode.NOT_OWNER, classId, rollCall.owner);
            }
            OffsetDateTime closedAt = now();
            rollCall.markClosed(true);
            closed = rollCall.snapshot(Optional.of(closedAt));
            durable = store.close(rollCall.id, closedAt);
        } finally {
            rollCall.lock.unlock();
        }
        try {
            await(durable);
        } catch (ChamadaException e) {
            rollCall.lock.lock();
            try {
                rollCall.markClosed(false);
            } finally {
                rollCall.lock.unlock();
            }
            throw e;
        }
        open.remove(classId, rollCall);
        log.info("Roll call of class {} closed by {} with {} present (id {})",
                classId, teacher, closed.present().size(), rollCall.id);
        return closed;
    }

    /** The closed roll calls of {@code classId}, oldest first, with their counts. */
    public List<PastRollCall> history(Caller caller, ClassId classId) {
        requireTeacher(caller);
        return await(store.history(classId));
    }

    /** The closed roll calls of {@code classId}, oldest first, with every check-in. */
    public List<RollCall> export(Caller caller, ClassId classId) {
        requireTeacher(caller);
        return await(store.closedRollCalls(classId));
    }

    private OpenRollCall requireOpen(ClassId classId) {
        OpenRollCall rollCall = open.get(classId);
        if (rollCall == null) {
            throw new ChamadaException(ErrorCode.NOT_OPEN, classId);
        }
        return rollCall;
    }

    private static TeacherName requireTeacher(Caller caller) {
        return switch (caller) {
            case Caller.Teacher teacher -> teacher.name();
            case Caller.Anonymous anonymous -> throw new ChamadaException(ErrorCode.AUTH_REQUIRED);
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Waits for a store future; a store failure becomes {@link ErrorCode#STORE_FAILED}, logged once here. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChamadaException(ErrorCode.SHUTTING_DOWN);
        } catch (ExecutionException | CompletionException e) {
            log.error("Store operation failed", e.getCause());
            throw new ChamadaException(ErrorCode.STORE_FAILED);
        }
    }
}
