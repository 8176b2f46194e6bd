package chamada.bench;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One run of the closed loop, checked once when built with messages naming the option.
 *
 * @param connections how many connections, each with one check-in outstanding at a time
 * @param warmup      time spent checking in before measuring (counted for exactly-once, not timed)
 * @param duration    time measured
 * @param classes     how many open classes the check-ins are spread over, round robin
 * @param firstClass  the id of the first of them; the others follow
 * @param pause       how long each connection waits between a reply and its next check-in
 *                    (0 for a saturating closed loop); the first wait is random within it, so
 *                    connections do not move in step
 * @param timeout     how long to wait for a connection or a reply before counting an error
 * @param hold        how long the connections stay open, idle, after the measured window, so that
 *                    the server can be looked at (its heap) with every connection still open
 */
public record LoadPlan(int connections, Duration warmup, Duration duration, int classes, int firstClass,
                       Duration pause, Duration timeout, Duration hold) {

    public static final int MAX_CONNECTIONS = 10_000;
    public static final int MAX_CLASSES = 100_000;

    public LoadPlan {
        check(connections >= 1 && connections <= MAX_CONNECTIONS,
                "--connections must be from 1 to " + MAX_CONNECTIONS + ", got " + connections);
        check(!warmup.isNegative() && warmup.compareTo(Duration.ofMinutes(10)) <= 0,
                "--warmup must be from 0 to 10 minutes, got " + warmup);
        check(duration.compareTo(Duration.ofMillis(100)) >= 0 && duration.compareTo(Duration.ofHours(1)) <= 0,
                "--duration must be from 100 ms to 1 hour, got " + duration);
        check(classes >= 1 && classes <= MAX_CLASSES, "--classes must be from 1 to " + MAX_CLASSES + ", got " + classes);
        check(firstClass >= 1 && (long) firstClass + classes - 1 <= Integer.MAX_VALUE,
                "--first-class must be at least 1 and leave room for " + classes + " classes, got " + firstClass);
        check(!pause.isNegative() && pause.compareTo(Duration.ofMinutes(1)) <= 0,
                "--pause must be from 0 to 1 minute, got " + pause);
        check(!hold.isNegative() && hold.compareTo(Duration.ofMinutes(10)) <= 0,
                "--hold must be from 0 to 10 minutes, got " + hold);
        check(timeout.compareTo(Duration.ofMillis(100)) >= 0 && timeout.compareTo(Duration.ofMinutes(10)) <= 0,
                "--timeout must be from 100 ms to 10 minutes, got " + timeout);
    }

    /** The same plan with another number of connections. */
    public LoadPlan withConnections(int connections) {
        return new LoadPlan(connections, warmup, duration, classes, firstClass, pause, timeout, hold);
    }

    /** The class ids, in the order check-ins go round them. */
    public List<Integer> classIds() {
        return IntStream.range(0, classes).map(i -> firstClass + i).boxed().toList();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
