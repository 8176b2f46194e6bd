package chamada.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A target under a {@link Flood}: once the classes are open, the flood's connections are opened,
 * before any check-in is sent, so the whole run is measured with them held; after the check at
 * the end, the flood waits for the server to close them. Everything else is the inner target's.
 *
 * <p>Used as a {@link Target} is: the generator's main thread calls {@link #prepare},
 * {@link #verify} and {@link #result}.
 */
public final class FloodedTarget implements Target {

    private final Target inner;
    private final Flood flood;
    private FloodResult result;

    public FloodedTarget(Target inner, Flood flood) {
        this.inner = inner;
        this.flood = flood;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void prepare(List<Integer> classIds) throws IOException {
        inner.prepare(classIds);
        flood.open();
    }

    @Override
    public CompletableFuture<Lane> connect(LaneLoops loops, Consumer<CheckInReply> replies) {
        return inner.connect(loops, replies);
    }

    /** The inner target's check, then the wait for the server to close the flood's connections. */
    @Override
    public ExactlyOnce verify(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException {
        ExactlyOnce verdict = inner.verify(acknowledged, inDoubt);
        try {
            result = flood.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the flood's connections to be closed", e);
        }
        return verdict;
    }

    /** What the flood saw, once {@link #verify} has run. */
    public Optional<FloodResult> result() {
        return Optional.ofNullable(result);
    }

    /** The inner target, for what only it knows (its watchers). */
    public Target inner() {
        return inner;
    }

    @Override
    public void close() {
        flood.close();
        inner.close();
    }
}
