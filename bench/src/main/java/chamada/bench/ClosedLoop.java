package chamada.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One connection's closed loop: send a check-in, hear its reply, count it, wait the plan's pause
 * if it has one, send the next, until the end of the run. A check-in is timed from just before
 * it is sent to just after its reply is heard, and measured if it was sent in the measured
 * window; check-in {@code n} is a new matrícula into class {@code n mod K}.
 *
 * <p>Runs on its lane's loop only: replies, pauses and the reply timeout are all events of that
 * loop, so it shares nothing but {@link RunCounts}. The reply timeout is one timer per
 * connection that, when it fires, moves itself to the outstanding check-in's deadline, rather than
 * a timer set and cancelled for every check-in.
 */
final class ClosedLoop implements Consumer<CheckInReply> {

    private final RunCounts counts;
    private final int[] classIds;
    private final long pause;
    private final long timeout;
    private final Runnable send = this::send;
    private final Runnable watch = this::watch;
    private Target.Lane lane;
    private LoopTally tally;
    private long measureFrom;
    private long endAt;
    private CountDownLatch finished;
    private ScheduledFuture<?> watching;
    private long sequence;
    private long sentAt;
    private boolean outstanding;
    private boolean done;

    ClosedLoop(RunCounts counts, int[] classIds, LoadPlan plan) {
        this.counts = counts;
        this.classIds = classIds;
        this.pause = plan.pause().toNanos();
        this.timeout = plan.timeout().toNanos();
    }

    /**
     * Starts checking in over {@code lane}, at once or after a random part of the pause, so that
     * connections do not move in step; counts {@code finished} down once it will send no more.
     * Check-ins sent from {@code measureFrom} are measured; none is sent from {@code endAt}.
     */
    void start(Target.Lane lane, long measureFrom, long endAt, CountDownLatch finished) {
        this.lane = lane;
        this.tally = counts.tally(lane.loop());
        this.measureFrom = measureFrom;
        this.endAt = endAt;
        this.finished = finished;
        if (done) {
            lane.close();
            finished.countDown();
            return;
        }
        watching = lane.loop().schedule(watch, timeout, TimeUnit.NANOSECONDS);
        if (pause > 0) {
            after(Math.min(endAt - System.nanoTime(), ThreadLocalRandom.current().nextLong(pause)));
        } else {
            send();
        }
    }

    @Override
    public void accept(CheckInReply reply) {
        if (done) {
            return;
        }
        if (!outstanding) {
            drop(reply instanceof CheckInReply.Failed failed ? "connection lost: " + failed.why()
                    : "a reply with no check-in outstanding: " + reply);
            return;
        }
        long received = System.nanoTime();
        outstanding = false;
        switch (reply) {
            case CheckInReply.CheckedIn checkedIn -> {
                if (checkedIn.fresh()) {
                    tally.acknowledged.add(sequence);
                } else {
                    counts.error("matrícula " + Acknowledged.matricula(sequence)
                            + " was sent once but said to be already registered");
                }
                if (sentAt - measureFrom >= 0) {
                    tally.measured(received - sentAt);
                }
                if (pause > 0) {
                    after(Math.min(endAt - received, pause));
                } else {
                    send();
                }
            }
            case CheckInReply.Refused refused -> {
                counts.error("refused: " + refused.why());
                send();
            }
            case CheckInReply.Failed failed -> {
                counts.inDoubt();
                drop("no reply: " + failed.why());
            }
        }
    }

    /** Gives up on a connection still busy well after the end: its check-in outstanding, if any, is in doubt. */
    void abandon() {
        if (done) {
            return;
        }
        if (outstanding) {
            counts.inDoubt();
        }
        end();
        lane.close();
    }

    private void after(long delay) {
        if (delay > 0) {
            lane.loop().schedule(send, delay, TimeUnit.NANOSECONDS);
        } else {
            send();
        }
    }

    private void send() {
        if (done) {
            return;
        }
        long now = System.nanoTime();
        if (now - endAt >= 0) {
            end();
            return;
        }
        sequence = counts.next();
        sentAt = now;
        outstanding = true;
        try {
            lane.checkIn(classIds[(int) (sequence % classIds.length)], Acknowledged.matricula(sequence));
        } catch (RuntimeException e) {
            counts.inDoubt();
            drop("no reply: " + e);
        }
    }

    /** The reply timeout: fires at the outstanding check-in's deadline, or a timeout from now when idle. */
    private void watch() {
        if (done) {
            return;
        }
        long now = System.nanoTime();
        long due = outstanding ? sentAt + timeout : now + timeout;
        if (due - now <= 0) {
            counts.inDoubt();
            drop("no reply in " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms");
            return;
        }
        watching = lane.loop().schedule(watch, due - now, TimeUnit.NANOSECONDS);
    }

    /** Counts {@code error}, stops and closes the connection; before the start, {@link #start} closes it. */
    private void drop(String error) {
        counts.error(error);
        if (lane == null) {
            done = true;
            return;
        }
        end();
        lane.close();
    }

    /** Sends no more; the connection stays open until the generator closes it. */
    private void end() {
        done = true;
        outstanding = false;
        watching.cancel(false);
        finished.countDown();
    }
}
