package chamada.rollcall;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How the store contract suites wait for a store's future: with a deadline, a failure made an assertion. */
public final class StoreFutures {

    static final long DEADLINE_SECONDS = 30;

    private StoreFutures() {
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("store future failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("store future did not complete within " + DEADLINE_SECONDS + " s", e);
        }
    }
}
