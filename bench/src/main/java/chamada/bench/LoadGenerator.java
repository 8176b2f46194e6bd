package chamada.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The closed-loop load generator: N connections, each sending one check-in, waiting for its
 * reply, and sending the next, until the time is up.
 *
 * <p>Design note. Every connection lives on the run's event loops ({@link LaneLoops}), each a
 * {@link ClosedLoop} driven by its replies and timers, with no thread per connection: 10,000
 * connections cost the generator little more than their sockets, and each check-in costs it
 * little of the CPU the server it measures also needs. All connections are opened before the
 * clock starts, then released together; check-ins during the warm-up are made and checked but
 * not timed. At the end the target is asked what it counts, and that is compared with what it
 * acknowledged ({@link ExactlyOnceCheck}).
 *
 * <p>Every wait is bounded: connects and replies by the plan's timeout, the run by its warm-up
 * and duration; connections still busy well after the end are closed.
 */
public final class LoadGenerator {

    /** Connections being opened at once: the server's accept backlog is finite. */
    static final int CONNECTING_AT_ONCE = 64;

    private final Target target;
    private final LoadPlan plan;
    private final RunCounts counts = new RunCounts();

    private LoadGenerator(Target target, LoadPlan plan) {
        this.target = target;
        this.plan = plan;
    }

    /** Prepares the classes, runs the plan against {@code target}, and checks the counts. */
    public static RunResult run(Target target, LoadPlan plan) throws IOException, InterruptedException {
        return run(target, plan, () -> { });
    }

    /** As {@link #run(Target, LoadPlan)}, calling {@code onHold} when the measured window is over and the hold begins. */
    public static RunResult run(Target target, LoadPlan plan, Runnable onHold) throws IOException, InterruptedException {
        return new LoadGenerator(target, plan).run(onHold);
    }

    /** A connection open for the run, and its closed loop. */
    private record Opened(ClosedLoop loop, Target.Lane lane) {
    }

    private RunResult run(Runnable onHold) throws IOException, InterruptedException {
        List<Integer> classIds = plan.classIds();
        target.prepare(classIds);
        Duration measured;
        try (LaneLoops loops = LaneLoops.start()) {
            List<Opened> opened = connect(loops, classIds.stream().mapToInt(Integer::intValue).toArray());
            CountDownLatch finished = new CountDownLatch(opened.size());
            long measureFrom = System.nanoTime() + plan.warmup().toNanos();
            long endAt = measureFrom + plan.duration().toNanos();
            measured = Duration.ofNanos(endAt - measureFrom);
            for (Opened o : opened) {
                o.lane().loop().execute(() -> o.loop().start(o.lane(), measureFrom, endAt, finished));
            }
            if (!plan.hold().isZero()) {
                sleepUntil(endAt);
                onHold.run();
            }
            long bound = endAt - System.nanoTime() + plan.timeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
            if (!finished.await(bound, TimeUnit.NANOSECONDS)) {
                counts.error("connections still busy well after the end; closing them");
                opened.forEach(o -> o.lane().loop().execute(o.loop()::abandon));
                finished.await(5, TimeUnit.SECONDS);
            }
            sleepUntil(endAt + plan.hold().toNanos());
            opened.forEach(o -> o.lane().close());
        }
        ExactlyOnce verdict = target.verify(Acknowledged.byClass(counts.acknowledged(), classIds),
                counts.inDoubtCount());
        return new RunResult(target.name(), plan, measured, counts.measured(), counts.latencies(), counts.errors(),
                counts.firstError(), verdict, Optional.empty());
    }

    /**
     * Opens the plan's connections, {@link #CONNECTING_AT_ONCE} at a time, each with its closed
     * loop; a connection that cannot be opened is an error, and the run goes on without it.
     */
    private List<Opened> connect(LaneLoops loops, int[] classIds) throws InterruptedException {
        Queue<Opened> opened = new ConcurrentLinkedQueue<>();
        Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
        Duration bound = plan.timeout().plus(Duration.ofMillis(10L * plan.connections()));
        long deadline = System.nanoTime() + bound.toNanos();
        for (int i = 0; i < plan.connections(); i++) {
            if (!connecting.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                counts.error("not every connection was open after " + bound.toMillis() + " ms");
                break;
            }
            ClosedLoop loop = new ClosedLoop(counts, classIds, plan);
            target.connect(loops, loop).whenComplete((lane, failure) -> {
                if (failure == null) {
                    opened.add(new Opened(loop, lane));
                } else {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    counts.error("connect: " + cause.getMessage());
                }
                connecting.release();
            });
        }
        // Each connect ends within the timeout, opened or not: wait for those still under way.
        if (!connecting.tryAcquire(CONNECTING_AT_ONCE, plan.timeout().toNanos() + TimeUnit.SECONDS.toNanos(5),
                TimeUnit.NANOSECONDS)) {
            counts.error("connects still under way well after their timeout; going on without them");
        }
        return List.copyOf(opened);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
