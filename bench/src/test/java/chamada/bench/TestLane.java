package chamada.bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One lane of a target opened for a test on loops of its own, its replies queued for the test's thread. */
final class TestLane implements AutoCloseable {

    private static final long WAIT_SECONDS = 30;

    private final BlockingQueue<CheckInReply> replies = new LinkedBlockingQueue<>();
    private final LaneLoops loops = LaneLoops.start();
    private final Target.Lane lane;

    private TestLane(Target target) throws Exception {
        try {
            lane = target.connect(loops, replies::add).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            loops.close();
            throw e;
        }
    }

    static TestLane open(Target target) throws Exception {
        return new TestLane(target);
    }

    /** Sends a check-in from the lane's loop, as the generator does, and waits for its reply. */
    CheckInReply checkIn(int classId, long matricula) throws InterruptedException {
        lane.loop().execute(() -> lane.checkIn(classId, matricula));
        CheckInReply reply = replies.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (reply == null) {
            throw new AssertionError("no reply in " + WAIT_SECONDS + " s");
        }
        return reply;
    }

    @Override
    public void close() {
        lane.close();
        loops.close();
    }
}
