package chamada.rollcall;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The events of one node, told to its subscribers in process: a store publishes each durable
 * change here, from one thread at a time (the PostgreSQL store's two take turns under one lock),
 * so every listener hears a class's events in the store's order. A listener that throws is logged and kept; the others still hear the event.
 *
 * <p>Thread-safe: subscribers come and go from any thread while the store publishes.
 */
public final class EventHub implements RollCallEvents {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final ConcurrentMap<ClassId, List<Consumer<RollCallEvent>>> listeners = new ConcurrentHashMap<>();

    @Override
    public Subscription subscribe(ClassId classId, Consumer<RollCallEvent> listener) {
        // compute, on both sides: an add and the last remove never interleave, which would add to a dropped list.
        listeners.compute(classId, (c, list) -> {
            List<Consumer<RollCallEvent>> kept = list == null ? new CopyOnWriteArrayList<>() : list;
            kept.add(listener);
            return kept;
        });
        return () -> listeners.computeIfPresent(classId, (c, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Tells every listener of the event's class; called only once the change is durable. */
    public void publish(RollCallEvent event) {
        List<Consumer<RollCallEvent>> forClass = listeners.get(event.classId());
        if (forClass == null) {
            return;
        }
        for (Consumer<RollCallEvent> listener : forClass) {
            try {
                listener.accept(event);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // The publishing thread is the store's writer: a view's bug must not stop it.
                log.error("A listener of class {} failed on {}", event.classId(), event, e);
            }
        }
    }
}
