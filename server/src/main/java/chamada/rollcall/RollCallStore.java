package chamada.rollcall;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where roll calls are kept durably. The rules live in {@link RollCallService}; a store
 * only records and reads, and holds all of the SQL.
 *
 * <p>Contract every implementation keeps:
 * <ul>
 *   <li>A write's future completes only once the change is durable (on disk, fsynced);
 *       it completes exceptionally if the change was not made.</li>
 *   <li>Writes take effect in the order they were submitted, so a check-in submitted
 *       before a close is durable no later than the close.</li>
 *   <li>Submitting a write never blocks the caller: callers submit while holding a
 *       roll call's lock and wait afterwards.</li>
 *   <li>Reads see every write whose future has completed.</li>
 * </ul>
 */
public interface RollCallStore extends AutoCloseable {

    /** A fresh id for a roll call about to be opened; never reused, even after a restart. */
    long newRollCallId();

    /** Records that roll call {@code id} of {@code classId} was opened by {@code teacher}. */
    CompletableFuture<Void> open(long id, ClassId classId, TeacherName teacher, OffsetDateTime openedAt);

    /** Records a student present in open roll call {@code rollCallId}. */
    CompletableFuture<Void> checkIn(long rollCallId, CheckIn checkIn);

    /** Records that roll call {@code rollCallId} was closed. */
    CompletableFuture<Void> close(long rollCallId, OffsetDateTime closedAt);

    /** Every roll call not yet closed, with its check-ins in arrival order; read once at start-up. */
    List<StoredRollCall> openRollCalls();

    /** The closed roll calls of a class, oldest first, with their counts. */
    CompletableFuture<List<PastRollCall>> history(ClassId classId);

    /** The closed roll calls of a class, oldest first, each with its check-ins in arrival order. */
    CompletableFuture<List<RollCall>> closedRollCalls(ClassId classId);

    /** A short description for the start-up line, e.g. {@code SQLite /var/lib/chamada/chamada.db}. */
    String describe();

    /** Finishes the writes already submitted, then releases the store. */
    @Override
    void close();

    /** Opens the store kept at {@code database}; times are read back in {@code zone}. */
    @FunctionalInterface
    interface Opener {
        RollCallStore open(Path database, ZoneId zone);
    }

    /** A roll call as the store holds it: its id and its contents. */
    record StoredRollCall(long id, RollCall rollCall) {
    }
}
