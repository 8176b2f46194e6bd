package chamada.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A target's lanes with no set-up and no check at the end (the verdict only carries the
 * check-ins in doubt): for tests of what the generator itself counts.
 */
record Unchecked(Target inner) implements Target {

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void prepare(List<Integer> classIds) {
    }

    @Override
    public CompletableFuture<Lane> connect(LaneLoops loops, Consumer<CheckInReply> replies) {
        return inner.connect(loops, replies);
    }

    @Override
    public ExactlyOnce verify(Map<Integer, long[]> acknowledged, long inDoubt) {
        return new ExactlyOnce(true, 0, 0, inDoubt, List.of());
    }
}
