package chamada.bench;

import org.HdrHistogram.ConcurrentHistogram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The closed-loop load generator: N connections, each sending one check-in, waiting for its
 * reply, and sending the next, until the time is up.
 *
 * <p>Design note. Each connection runs on its own virtual thread, so 10,000 connections cost
 * little more than their sockets. All connections are opened before the clock starts, then
 * released together; check-ins during the warm-up are made and checked but not timed. A
 * check-in is timed from just before it is written to just after its reply is read, and
 * counted in the measured window if it started in it. Check-in {@code n} (one counter shared
 * by every connection) is a new matrícula into class {@code n mod K}, so every class gets the
 * same load and no matrícula is sent twice. At the end the target is asked what it counts,
 * and that is compared with what it acknowledged ({@link ExactlyOnceCheck}).
 *
 * <p>Every wait is bounded: connects and replies by the plan's timeout, the run by its
 * warm-up and duration; connections still busy well after the end are closed.
 */
public final class LoadGenerator {

    /** Connections being opened at once: the server's accept backlog is finite. */
    static final int CONNECTING_AT_ONCE = 64;

    private final Target target;
    private final LoadPlan plan;
    private final List<Integer> classIds;
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(LatencySummary.SIGNIFICANT_DIGITS);
    private final LongAdder measured = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder inDoubt = new LongAdder();
    private final AtomicLong next = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final Queue<Target.Lane> lanes = new ConcurrentLinkedQueue<>();
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
    private final CountDownLatch connected;
    private final CountDownLatch start = new CountDownLatch(1);
    private volatile long measureFrom;
    private volatile long endAt;

    private LoadGenerator(Target target, LoadPlan plan) {
        this.target = target;
        this.plan = plan;
        this.classIds = plan.classIds();
        this.connected = new CountDownLatch(plan.connections());
    }

    /** Prepares the classes, runs the plan against {@code target}, and checks the counts. */
    public static RunResult run(Target target, LoadPlan plan) throws IOException, InterruptedException {
        return run(target, plan, () -> { });
    }

    /** As {@link #run(Target, LoadPlan)}, calling {@code onHold} when the measured window is over and the hold begins. */
    public static RunResult run(Target target, LoadPlan plan, Runnable onHold) throws IOException, InterruptedException {
        return new LoadGenerator(target, plan).run(onHold);
    }

    private RunResult run(Runnable onHold) throws IOException, InterruptedException {
        target.prepare(classIds);
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("bench-" + target.name() + "-", 1).factory())) {
            for (int i = 0; i < plan.connections(); i++) {
                threads.execute(this::lane);
            }
            Duration connectBound = plan.timeout().plus(Duration.ofMillis(10L * plan.connections()));
            if (!connected.await(connectBound.toMillis(), TimeUnit.MILLISECONDS)) {
                error("not every connection was open after " + connectBound.toMillis() + " ms");
            }
            long now = System.nanoTime();
            measureFrom = now + plan.warmup().toNanos();
            endAt = measureFrom + plan.duration().toNanos();
            start.countDown();
            threads.shutdown();
            if (!plan.hold().isZero()) {
                sleepUntil(endAt);
                onHold.run();
            }
            long bound = endAt - System.nanoTime() + plan.hold().toNanos() + plan.timeout().toNanos()
                    + TimeUnit.SECONDS.toNanos(5);
            if (!threads.awaitTermination(bound, TimeUnit.NANOSECONDS)) {
                error("connections still busy well after the end; closing them");
                lanes.forEach(Target.Lane::close);
            }
        }
        ExactlyOnce verdict = target.verify(Acknowledged.byClass(List.copyOf(acknowledged), classIds), inDoubt.sum());
        return new RunResult(target.name(), plan, Duration.ofNanos(endAt - measureFrom), measured.sum(),
                latencies, errors.sum(), Optional.ofNullable(firstError.get()), verdict, Optional.empty());
    }

    /** One connection's life: connect, wait for the start, check in until the end. */
    private void lane() {
        Target.Lane lane;
        try {
            connecting.acquire();
            try {
                lane = target.connect();
            } finally {
                connecting.release();
            }
        } catch (IOException | RuntimeException e) {
            error("connect: " + e.getMessage());
            connected.countDown();
            return;
        } catch (InterruptedException e) {
            connected.countDown();
            return;
        }
        lanes.add(lane);
        Acknowledged mine = new Acknowledged();
        acknowledged.add(mine);
        connected.countDown();
        try (lane) {
            start.await();
            loop(lane, mine);
            sleepUntil(endAt + plan.hold().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop(Target.Lane lane, Acknowledged mine) throws InterruptedException {
        long pause = plan.pause().toNanos();
        if (pause > 0) {
            sleepUntil(Math.min(endAt, System.nanoTime() + ThreadLocalRandom.current().nextLong(pause)));
        }
        int classes = classIds.size();
        while (true) {
            long sent = System.nanoTime();
            if (sent - endAt >= 0) {
                return;
            }
            long n = next.getAndIncrement();
            boolean fresh;
            try {
                fresh = lane.checkIn(classIds.get((int) (n % classes)), Long.toString(Acknowledged.matricula(n)));
            } catch (Target.Refused e) {
                error("refused: " + e.getMessage());
                continue;
            } catch (IOException | RuntimeException e) {
                inDoubt.increment();
                error("no reply: " + e);
                return;
            }
            long received = System.nanoTime();
            if (fresh) {
                mine.add(n);
            } else {
                error("matrícula " + Acknowledged.matricula(n) + " was sent once but said to be already registered");
            }
            if (sent - measureFrom >= 0) {
                latencies.recordValue(received - sent);
                measured.increment();
            }
            if (pause > 0) {
                sleepUntil(Math.min(endAt, received + pause));
            }
        }
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void error(String what) {
        errors.increment();
        firstError.compareAndSet(null, what);
    }
}
