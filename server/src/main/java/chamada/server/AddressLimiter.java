package chamada.server;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Counts the connections each client address holds, refusing those past the limit. Thread-safe. */
final class AddressLimiter {

    private final int limit;
    private final ConcurrentMap<InetAddress, Integer> held = new ConcurrentHashMap<>();

    AddressLimiter(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Takes a place for {@code address}; false (and nothing taken) when it already holds the limit. */
    boolean tryAcquire(InetAddress address) {
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

    void release(InetAddress address) {
        held.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }
}
