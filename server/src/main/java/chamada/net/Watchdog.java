package chamada.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One platform thread that looks at every live connection of a server, of every port, about
 * once a second, so that each can end itself when it breaks a time limit (idle too long, or
 * not reading its replies). Sockets have no write timeout, and a read timeout per read costs
 * more than this one look a second (docs/DECISIONS.md, "The idle timeout is the watchdog's").
 */
public final class Watchdog implements AutoCloseable {

    /** Something that can end itself when a time limit has passed. */
    @FunctionalInterface
    public interface Watched {
        /** Called on the watchdog's thread with {@link System#nanoTime()}; must not block. */
        void enforceTimeouts(long nowNanos);
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chamada-watchdog").daemon(true).factory());

    /** Starts looking, once a second. */
    public void start() {
        thread.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
    }

    /** Ends the watching of one connection. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Watches {@code connection} until the returned registration is closed. */
    public Registration watch(Watched connection) {
        watched.add(connection);
        return () -> watched.remove(connection);
    }

    private void look() {
        long now = System.nanoTime();
        watched.forEach(connection -> connection.enforceTimeouts(now));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
