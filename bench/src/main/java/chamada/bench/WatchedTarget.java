package chamada.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A Chamada target (native or HTTP) with live-view watchers on its classes: once the classes
 * are open, {@link SseWatchers} opens its event streams on them, before any check-in is sent;
 * once they are closed at the end, it checks what each stream heard. Everything else is the
 * inner target's.
 *
 * <p>Used as a {@link Target} is: the generator's main thread calls {@link #prepare},
 * {@link #verify} and {@link #result}.
 */
public final class WatchedTarget implements Target {

    private final Target inner;
    private final SseWatchers watchers;
    private WatchResult result;

    public WatchedTarget(Target inner, SseWatchers watchers) {
        this.inner = inner;
        this.watchers = watchers;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void prepare(List<Integer> classIds) throws IOException {
        inner.prepare(classIds);
        watchers.open(classIds);
    }

    @Override
    public CompletableFuture<Lane> connect(LaneLoops loops, Consumer<CheckInReply> replies) {
        return inner.connect(loops, replies);
    }

    /** The inner target's check, which closes the classes and so ends the streams; then the streams'. */
    @Override
    public ExactlyOnce verify(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException {
        ExactlyOnce verdict = inner.verify(acknowledged, inDoubt);
        result = watchers.finish(acknowledged, inDoubt);
        return verdict;
    }

    /** What the streams heard, once {@link #verify} has run. */
    public Optional<WatchResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public void close() {
        watchers.close();
        inner.close();
    }
}
