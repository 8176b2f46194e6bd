package chamada.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An unbounded queue that can be closed: once closed it refuses new items, and its
 * consumers get everything accepted before the close, then an empty list meaning "stop".
 *
 * <p>Producers are any threads (usually the connections' virtual threads); {@link #offer}
 * never blocks beyond a short lock held for in-memory work. Consumers are the store's own
 * platform threads. Closing and offering take the same lock, so an item is either refused
 * or seen by a consumer: none can slip in after the consumers have stopped, which a
 * flag checked outside a {@code BlockingQueue} could not promise.
 */
public final class WorkQueue<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition nudgedOrClosed = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private boolean closed;
    private boolean nudged;

    /** Adds {@code item}; false, and nothing added, if the queue is closed. */
    public boolean offer(T item) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            items.add(item);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends a {@link #takeAfter} under way (or the next one) early. */
    void nudge() {
        lock.lock();
        try {
            nudged = true;
            nudgedOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits {@code nanos}, or less if {@link #nudge nudged} or closed meanwhile, then takes
     * every item waiting, at most {@code max}, possibly none. Items arriving meanwhile do not
     * wake the consumer: this is for one that gathers on purpose.
     */
    List<T> takeAfter(int max, long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!nudged && !closed && left > 0) {
                try {
                    left = nudgedOrClosed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // kept for the consumer; it takes what there is
                    break;
                }
            }
            nudged = false;
            return drain(max);
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further items; the items already accepted are still handed out. Idempotent. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            nudgedOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for at least one item, then takes every item waiting, at most {@code max}, in
     * the order offered. Returns an empty list only once the queue is closed and drained.
     *
     * <p>Waits uninterruptibly: the consumers must finish what was accepted, and only
     * {@link #close} ends them.
     */
    public List<T> take(int max) {
        lock.lock();
        try {
            while (items.isEmpty() && !closed) {
                notEmpty.awaitUninterruptibly();
            }
            return drain(max);
        } finally {
            lock.unlock();
        }
    }

    /** Takes what is queued, at most {@code max}, in order; the lock is held. */
    private List<T> drain(int max) {
        List<T> taken = new ArrayList<>(Math.min(max, items.size()));
        while (taken.size() < max && !items.isEmpty()) {
            taken.add(items.poll());
        }
        if (!items.isEmpty()) {
            notEmpty.signal(); // another consumer may take the rest
        }
        return taken;
    }
}
