package chamada.rollcall;

import java.util.function.Consumer;

/**
 * Where a store tells what happened to roll calls, after it is durable: a live view subscribes
 * to one class and hears every {@link RollCallEvent} of it, in the order the store decided them.
 *
 * <p>A listener runs on the store's thread and must return at once: it hands the event to its
 * own queue (a bounded one, dropping a reader too slow to keep up) and never blocks or writes to
 * a socket there.
 */
public interface RollCallEvents {

    /** Tells {@code listener} every event of {@code classId} from now until the subscription is closed. */
    Subscription subscribe(ClassId classId, Consumer<RollCallEvent> listener);

    /** A listener's registration; closing it stops the events, and closing it again does nothing. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
