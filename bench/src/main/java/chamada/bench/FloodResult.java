package chamada.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * What a flood saw: how many of its connections could not connect, were closed before half the
 * timeout (refused at the per-address limit), closed around the timeout, closed late, or were
 * still open when the flood gave up on them.
 *
 * @param plan          the flood
 * @param failed        connections that could not even connect
 * @param refused       closed before {@link FloodPlan#refusedBefore}
 * @param onTime        closed from then until {@link FloodPlan#lateAfter}
 * @param late          closed after that
 * @param neverClosed   still open when the flood stopped waiting
 * @param firstClose    the earliest close among the on-time and late ones, from the connection's start
 * @param lastClose     the latest of them
 * @param waited        how long the flood waited for its connections to be closed
 */
public record FloodResult(FloodPlan plan, long failed, long refused, long onTime, long late, long neverClosed,
                          Duration firstClose, Duration lastClose, Duration waited) {

    /** Whether the server closed every connection it took within its timeout. */
    public boolean held() {
        return late == 0 && neverClosed == 0;
    }

    /** One line for people, as the bench prints it. */
    public String line() {
        return String.format(Locale.ROOT, "flood %s %s: %d connections from %d addresses (timeout %s): %d failed to"
                        + " connect, %d refused (closed before %s), %d closed at %s to %s, %d late, %d still open"
                        + " (waited %s after the run): %s",
                plan.port().name().toLowerCase(Locale.ROOT), plan.style().name().toLowerCase(Locale.ROOT), plan.connections(), plan.addresses(), seconds(plan.timeout()), failed,
                refused, seconds(plan.refusedBefore()), onTime, seconds(firstClose), seconds(lastClose), late,
                neverClosed, seconds(waited), held() ? "held" : "NOT HELD");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
