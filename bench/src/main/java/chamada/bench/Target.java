package chamada.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A server the load generator can drive: Chamada over its native protocol, or Redis as the
 * baseline. Both get the same generator, connections and closed loop; only the few calls
 * below differ.
 *
 * <p>{@link #prepare} and {@link #verify} run on the generator's main thread (they may use
 * threads of their own); each {@link Lane} is used by one connection's thread.
 */
public interface Target extends AutoCloseable {

    /** A short name for tables: {@code chamada} or {@code redis}. */
    String name();

    /** Makes every class in {@code classIds} open and empty, ready for check-ins. */
    void prepare(List<Integer> classIds) throws IOException;

    /** Opens one more connection. */
    Lane connect() throws IOException;

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

    /** One connection of the closed loop: one request outstanding at a time. */
    interface Lane extends AutoCloseable {

        /**
         * Checks {@code matricula} into {@code classId} and waits for the reply: true if newly
         * registered, false if already there. A refusal by the server is a {@link Refused};
         * an {@link IOException} means the reply never came and the connection is unusable.
         */
        boolean checkIn(int classId, String matricula) throws IOException, Refused;

        /** Closes the connection; never throws. */
        @Override
        void close();
    }

    /** The server answered, but refused: the check-in was not made. */
    final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
