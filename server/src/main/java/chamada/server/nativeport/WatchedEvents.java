package chamada.server.nativeport;

import chamada.rollcall.ClassId;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.RollCallEvents;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The events of the classes one native connection watches, queued by the store's threads until
 * the connection's loop writes them. The queue is bounded: a client that reads its events more
 * slowly than the classes make them falls behind, and past {@link #MAX_QUEUED} it is told so and
 * dropped; the store's thread only ever adds to a queue, so no watcher slows a check-in.
 *
 * <p>Threads: {@link #hear} runs on the store's threads; everything else on the connection's loop.
 */
final class WatchedEvents {

    /** Events a watcher may fall behind by: minutes of the busiest class, a few megabytes at most. */
    static final int MAX_QUEUED = 4_096;

    private final ConcurrentLinkedQueue<RollCallEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final Runnable wake;
    private final Map<ClassId, RollCallEvents.Subscription> subscriptions = new HashMap<>();
    private volatile boolean overflowed;

    /** {@code wake} asks the loop to write what is queued; it is called once per batch of events. */
    WatchedEvents(Runnable wake) {
        this.wake = wake;
    }

    /** Starts hearing {@code classId}'s events; a class already watched is not heard twice. */
    void watch(RollCallEvents events, ClassId classId) {
        subscriptions.computeIfAbsent(classId, watched -> events.subscribe(watched, this::hear));
    }

    /** Stops hearing {@code classId}'s events; those queued still go out. */
    void unwatch(ClassId classId) {
        RollCallEvents.Subscription subscription = subscriptions.remove(classId);
        if (subscription != null) {
            subscription.close();
        }
    }

    /** The classes watched now. */
    Set<ClassId> classes() {
        return Set.copyOf(subscriptions.keySet());
    }

    /** On the store's thread: only queues, and wakes the loop once. */
    private void hear(RollCallEvent event) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            if (!overflowed) {
                overflowed = true;
                wake.run(); // even while a push waits for the socket: the watcher is told and dropped now
            }
            return;
        }
        queue.add(event);
        if (woken.compareAndSet(false, true)) {
            wake.run();
        }
    }

    /** Whether the watcher fell more than {@link #MAX_QUEUED} events behind. */
    boolean overflowed() {
        return overflowed;
    }

    /** The oldest event not written yet, or null; the loop calls it until it is null, or the socket is full. */
    RollCallEvent next() {
        woken.set(false);
        RollCallEvent event = queue.poll();
        if (event != null) {
            queued.decrementAndGet();
        }
        return event;
    }

    /** Stops hearing every class. */
    void close() {
        subscriptions.values().forEach(RollCallEvents.Subscription::close);
        subscriptions.clear();
    }
}
