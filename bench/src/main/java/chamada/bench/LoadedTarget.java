package chamada.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A target that carries a side load through its runs (a flood, live-view watchers): the load
 * starts once the classes are open, before any check-in is sent, so the whole run is measured
 * with it; it finishes after the inner target's check, with a result of type {@code R}; it is
 * closed with the target. Everything else is the inner target's.
 *
 * <p>Used as a {@link Target} is: the generator's main thread calls {@link #prepare},
 * {@link #verify} and {@link #result}.
 */
public abstract sealed class LoadedTarget<R> implements Target permits FloodedTarget, WatchedTarget {

    private final Target inner;
    private R result;

    protected LoadedTarget(Target inner) {
        this.inner = inner;
    }

    /** Starts the side load on the classes just opened. */
    protected abstract void startLoad(List<Integer> classIds) throws IOException;

    /** Ends the side load once the inner target's check has run (and closed the classes); what it saw. */
    protected abstract R finishLoad(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException;

    /** Releases the side load; never throws. */
    protected abstract void closeLoad();

    @Override
    public final String name() {
        return inner.name();
    }

    @Override
    public final void prepare(List<Integer> classIds) throws IOException {
        inner.prepare(classIds);
        startLoad(classIds);
    }

    @Override
    public final CompletableFuture<Lane> connect(LaneLoops loops, Consumer<CheckInReply> replies) {
        return inner.connect(loops, replies);
    }

    @Override
    public final ExactlyOnce verify(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException {
        ExactlyOnce verdict = inner.verify(acknowledged, inDoubt);
        result = finishLoad(acknowledged, inDoubt);
        return verdict;
    }

    /** What the side load saw, once {@link #verify} has run. */
    public final Optional<R> result() {
        return Optional.ofNullable(result);
    }

    /** The inner target, for what only it knows. */
    public final Target inner() {
        return inner;
    }

    @Override
    public final void close() {
        closeLoad();
        inner.close();
    }
}
