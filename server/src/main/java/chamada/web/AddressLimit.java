package chamada.web;

import chamada.net.AddressLimiter;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The per-address connection limit of the web front: a Jetty connection listener that counts
 * each client address's connections in the server's {@link AddressLimiter} (shared with the
 * other ports, so the limit counts all of an address's connections) and closes a connection
 * past the limit as it opens.
 *
 * <p>Jetty's own {@code ConnectionLimit} and {@code NetworkConnectionLimit} count all
 * connections together, which one greedy address could exhaust for everybody. A refused
 * connection is closed before a request is read rather than answered with an error page:
 * answering would mean keeping it open, uncounted, for as long as its sender likes.
 *
 * <p>Runs on Jetty's selector threads; thread-safe.
 */
final class AddressLimit implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(AddressLimit.class);

    private final AddressLimiter limiter;
    // The address is kept: a closed channel no longer knows its peer.
    private final ConcurrentMap<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    AddressLimit(AddressLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void onOpened(Connection connection) {
        if (!(connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress remote)) {
            return;
        }
        InetAddress address = remote.getAddress();
        if (limiter.tryAcquire(address)) {
            counted.put(connection, address);
        } else {
            log.debug("Closing a web connection from {}: it already holds {} connections", address, limiter.limit());
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address != null) {
            limiter.release(address);
        }
    }
}
