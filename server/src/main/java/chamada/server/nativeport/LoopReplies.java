package chamada.server.nativeport;

import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands the connections of one event loop whose replies are ready back to that loop: one task
 * for all of them, not one per reply.
 *
 * <p>Design note. The store completes a whole group commit's futures at once, on its journal
 * thread (see the store's {@code JournalWriter}). Each completion only queues its connection
 * here; the first one of a batch schedules the loop's task, and the loop then writes and
 * flushes every queued connection's reply in one pass: one wake-up of the loop per batch
 * instead of one per check-in.
 */
final class LoopReplies {

    private static final Logger log = LoggerFactory.getLogger(LoopReplies.class);

    private final EventLoop loop;
    private final Queue<NativeConnection> ready = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    LoopReplies(EventLoop loop) {
        this.loop = loop;
    }

    /** From any thread: {@code connection}'s reply is ready to be written on its loop. */
    void ready(NativeConnection connection) {
        ready.add(connection);
        // Set before the loop's task polls its last connection: a connection queued after
        // that poll finds it cleared and schedules the task again.
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this::writeReady);
        }
    }

    private void writeReady() {
        scheduled.set(false);
        for (NativeConnection connection = ready.poll(); connection != null; connection = ready.poll()) {
            try {
                connection.replyReady();
            } catch (RuntimeException | Error e) {
                // One connection's failure must not strand the others queued behind it.
                log.error("Writing a reply failed; closing that connection", e);
                connection.close();
            }
        }
    }
}
