package chamada.bench;

import io.netty.channel.EventLoop;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A server the load generator can drive: Chamada over its native protocol or its web front, or
 * Redis as the baseline. All get the same generator, connections and closed loop; only the few
 * calls below differ.
 *
 * <p>{@link #prepare} and {@link #verify} run on the generator's main thread, through the
 * ordinary blocking clients (they may use threads of their own); {@link #connect} may be called
 * from any thread, and each {@link Lane} lives on one loop of the run's {@link LaneLoops}.
 */
public interface Target extends AutoCloseable {

    /** A short name for tables: {@code chamada}, {@code http} or {@code redis}. */
    String name();

    /** Makes every class in {@code classIds} open and empty, ready for check-ins. */
    void prepare(List<Integer> classIds) throws IOException;

    /**
     * Opens one more connection, on one of {@code loops}: the lane once it can take check-ins,
     * or an {@link IOException} saying why not, within the target's timeout. Every reply to the
     * lane's check-ins, and the loss of its connection, go to {@code replies} on the lane's loop.
     */
    CompletableFuture<Lane> connect(LaneLoops loops, Consumer<CheckInReply> replies);

    /**
     * Asks the server what it counts in each class, compares it with {@code acknowledged}
     * (per class, the matrículas acknowledged as new), then tidies up (closes the classes, or
     * deletes the sets).
     */
    ExactlyOnce verify(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException;

    /** Releases what the target holds for its runs (an HTTP client); never throws. */
    @Override
    default void close() {
    }

    /** One connection of the closed loop: one check-in outstanding at a time, its reply heard on {@link #loop()}. */
    interface Lane {

        /** The thread that hears this lane's replies; the one that calls {@link #checkIn}. */
        EventLoop loop();

        /** Sends a check-in of {@code matricula} into {@code classId}; its reply goes to the lane's listener. */
        void checkIn(int classId, long matricula);

        /** Closes the connection, from any thread; never throws. A reply still outstanding may never be heard. */
        void close();
    }
}
