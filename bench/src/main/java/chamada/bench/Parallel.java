package chamada.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs set-up and check calls (open, status, close of up to thousands of classes) over a few
 * connections at once, so that a run with 1,000 classes does not spend its time waiting for
 * 1,000 fsyncs one after another.
 */
final class Parallel {

    /** Connections used at once. */
    static final int WIDTH = 8;

    /** Opens a connection. */
    @FunctionalInterface
    interface Connector<C extends AutoCloseable> {
        C connect() throws IOException;
    }

    /** Does one item's work over a connection. */
    @FunctionalInterface
    interface Work<C, T> {
        void run(C connection, T item) throws IOException;
    }

    private Parallel() {
    }

    /** Runs {@code work} for every item over at most {@link #WIDTH} connections; the first failure is thrown. */
    static <C extends AutoCloseable, T> void forEach(List<T> items, Connector<C> connector, Work<C, T> work)
            throws IOException {
        int width = Math.min(WIDTH, items.size());
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < width; w++) {
                done.add(threads.submit(() -> {
                    try (C connection = connector.connect()) {
                        for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                            work.run(connection, items.get(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().toString(), e.getCause());
        }
    }
}
