package chamada.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The queue between the store's threads: what take, takeAfter, nudge and close promise. */
class WorkQueueTest {

    private static final long LONG_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final WorkQueue<Integer> queue = new WorkQueue<>();

    @Test
    void take_returnsWhatWasQueuedInOrderUpToTheMaximum() {
        for (int i = 1; i <= 5; i++) {
            queue.offer(i);
        }

        assertThat(queue.take(3)).containsExactly(1, 2, 3);
        assertThat(queue.take(10)).containsExactly(4, 5);
    }

    @Test
    void offer_afterClose_isRefusedWhileWhatCameBeforeIsStillHandedOut() {
        queue.offer(1);
        queue.close();

        assertThat(queue.offer(2)).isFalse();
        assertThat(queue.take(10)).containsExactly(1);
        assertThat(queue.take(10)).as("closed and drained").isEmpty();
    }

    @Test
    void takeAfter_itemsArrivingMeanwhile_doNotEndTheWaitButANudgeDoes() {
        CompletableFuture<List<Integer>> taken = CompletableFuture.supplyAsync(() -> queue.takeAfter(10, LONG_NANOS));
        queue.offer(1);
        queue.offer(2);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !taken.isDone());
        queue.nudge();

        assertThat(taken.join()).containsExactly(1, 2);
    }

    @Test
    void takeAfter_closedWhileWaiting_returnsWhatIsQueued() {
        CompletableFuture<List<Integer>> taken = CompletableFuture.supplyAsync(() -> queue.takeAfter(10, LONG_NANOS));
        queue.offer(7);

        queue.close();

        assertThat(taken.join()).containsExactly(7);
    }

    @Test
    void takeAfter_nudgedBeforeItWaits_returnsAtOnceAndTheNudgeIsSpent() {
        queue.nudge();
        queue.offer(1);

        assertThat(queue.takeAfter(10, LONG_NANOS)).containsExactly(1);
        assertThat(queue.takeAfter(10, TimeUnit.MILLISECONDS.toNanos(50))).as("times out, nothing queued").isEmpty();
    }

    @Test
    void takeAfter_timeOut_returnsWhatArrivedWithinIt() {
        queue.offer(1);

        assertThat(queue.takeAfter(10, TimeUnit.MILLISECONDS.toNanos(20))).containsExactly(1);
    }
}
