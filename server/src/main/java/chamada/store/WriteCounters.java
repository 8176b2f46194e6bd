package chamada.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer's running totals: updated by the writer thread only, read by anyone through
 * {@link #snapshot}.
 */
final class WriteCounters {

    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    /** One transaction committed, holding {@code writeCount} writes. */
    void committed(int writeCount) {
        writes.addAndGet(writeCount);
        commits.incrementAndGet();
    }

    /** One write that was not made. */
    void failed() {
        failed.incrementAndGet();
    }

    /** The totals now; the three may be a few writes apart if the writer is committing meanwhile. */
    WriteStats snapshot() {
        return new WriteStats(writes.get(), failed.get(), commits.get());
    }
}
