package chamada.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts the connections each client address holds, refusing those past the limit. One per
 * server, shared by every port, so that {@code --max-connections-per-address} counts all of
 * an address's connections. Thread-safe.
 */
public final class AddressLimiter {

    private final int limit;
    private final ConcurrentMap<InetAddress, Integer> held = new ConcurrentHashMap<>();

    public AddressLimiter(int limit) {
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** Takes a place for {@code address}; false (and nothing taken) when it already holds the limit. */
    public boolean tryAcquire(InetAddress address) {
        boolean[] acquired = {false};
        held.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    /** Gives back a place taken by {@link #tryAcquire}. */
    public void release(InetAddress address) {
        held.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }
}
