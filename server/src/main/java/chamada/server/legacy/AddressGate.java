package chamada.server.legacy;

import java.net.InetAddress;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The server's per-address connection limit, shared by native and legacy listeners so that
 * {@code --max-connections-per-address} counts every connection of an address. Thread-safe.
 */
public interface AddressGate {

    /** Takes a place for {@code address}; false (and nothing taken) when it already holds the limit. */
    boolean tryAcquire(InetAddress address);

    /** Gives back a place taken by {@link #tryAcquire}. */
    void release(InetAddress address);

    int limit();

    /** A gate made of the server's own limiter's methods. */
    static AddressGate of(Predicate<InetAddress> tryAcquire, Consumer<InetAddress> release, int limit) {
        return new AddressGate() {
            @Override
            public boolean tryAcquire(InetAddress address) {
                return tryAcquire.test(address);
            }

            @Override
            public void release(InetAddress address) {
                release.accept(address);
            }

            @Override
            public int limit() {
                return limit;
            }
        };
    }
}
