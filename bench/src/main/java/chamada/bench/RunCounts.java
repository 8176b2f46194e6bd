package chamada.bench;

import io.netty.channel.EventLoop;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every connection of one run shares: the number of the next check-in, errors and the
 * first of them, check-ins in doubt, and a {@link LoopTally} per loop. Thread-safe; the tallies
 * are read once the loops have stopped.
 */
final class RunCounts {

    private final AtomicLong next = new AtomicLong();
    private final LongAdder errors = new LongAdder();
    private final LongAdder inDoubt = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final Map<EventLoop, LoopTally> tallies = new ConcurrentHashMap<>();

    /** The number of the next check-in, one counter for every connection. */
    long next() {
        return next.getAndIncrement();
    }

    void error(String what) {
        errors.increment();
        firstError.compareAndSet(null, what);
    }

    /** A check-in sent whose reply never came: the server may or may not have made it. */
    void inDoubt() {
        inDoubt.increment();
    }

    /** The tally of the connections on {@code loop}. */
    LoopTally tally(EventLoop loop) {
        return tallies.computeIfAbsent(loop, l -> new LoopTally());
    }

    long errors() {
        return errors.sum();
    }

    Optional<String> firstError() {
        return Optional.ofNullable(firstError.get());
    }

    long inDoubtCount() {
        return inDoubt.sum();
    }

    /** Every loop's latencies, merged. */
    Histogram latencies() {
        Histogram all = new Histogram(LatencySummary.SIGNIFICANT_DIGITS);
        tallies.values().forEach(tally -> all.add(tally.latencies));
        return all;
    }

    long measured() {
        return tallies.values().stream().mapToLong(tally -> tally.measured).sum();
    }

    List<Acknowledged> acknowledged() {
        return tallies.values().stream().map(tally -> tally.acknowledged).toList();
    }
}
