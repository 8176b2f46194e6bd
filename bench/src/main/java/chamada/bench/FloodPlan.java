package chamada.bench;

import chamada.server.ServerConfig;
import chamada.server.legacy.LegacyConfig;
import chamada.web.WebConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What a flood opens while the check-in load runs: {@code connections} connections to one of the
 * server's ports, spread round robin over {@code addresses} loopback source addresses
 * (127.1.0.1, 127.1.0.2, ...), each silent or trickling one byte every {@code trickle}; the
 * server is expected to close each one {@code timeout} after it went quiet (or, trickling, began
 * a request it never ends).
 *
 * @param port        which of the server's ports, and so what a trickle sends
 * @param host        the server's host
 * @param portNumber  its port number
 * @param connections how many connections, 1 to {@value #MAX_CONNECTIONS}
 * @param addresses   how many source addresses they come from, 1 to {@value #MAX_ADDRESSES}
 * @param style       silent or trickling
 * @param trickle     time between two trickled bytes
 * @param timeout     the timeout the server was started with for this port, to judge closures by
 */
public record FloodPlan(Port port, String host, int portNumber, int connections, int addresses, Style style,
                        Duration trickle, Duration timeout) {

    public static final int MAX_CONNECTIONS = 20_000;
    /** 127.1.0.0/16 without its network and broadcast-looking ends. */
    public static final int MAX_ADDRESSES = 250 * 250;

    /** A server port a flood can aim at. */
    public enum Port {
        /** The native protocol: a trickle is a request line that never ends. */
        NATIVE("status 1", 'a', ServerConfig.DEFAULT_IDLE_TIMEOUT, ServerConfig.DEFAULT_IDLE_TIMEOUT),
        /**
         * A legacy port: a trickle is digits, on the messages port a length header that never
         * ends; the roll-call port has no framing, so there each trickled byte is a message. A
         * message must come whole within its deadline, by default far shorter than the idle timeout.
         */
        LEGACY("", '0', LegacyConfig.DEFAULT_IDLE_TIMEOUT, LegacyConfig.DEFAULT_MESSAGE_DEADLINE),
        /** The web front: a trickle is a request whose headers never end. */
        HTTP("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 'a', WebConfig.DEFAULT_IDLE_TIMEOUT,
                WebConfig.DEFAULT_IDLE_TIMEOUT);

        private final String trickleStart;
        private final char filler;
        private final Duration silentDefaultTimeout;
        private final Duration trickleDefaultTimeout;

        Port(String trickleStart, char filler, Duration silentDefaultTimeout, Duration trickleDefaultTimeout) {
            this.trickleStart = trickleStart;
            this.filler = filler;
            this.silentDefaultTimeout = silentDefaultTimeout;
            this.trickleDefaultTimeout = trickleDefaultTimeout;
        }

        /**
         * The timeout a server started without options has on this port for a flood of
         * {@code style}, which judges the closures when {@code --flood-timeout} is not given.
         */
        public Duration serverDefaultTimeout(Style style) {
            return switch (style) {
                case SILENT -> silentDefaultTimeout;
                case TRICKLE -> trickleDefaultTimeout;
            };
        }

        /** The {@code i}th byte a trickle sends: the start of a request, then bytes that never end it. */
        public byte trickleByte(long i) {
            return (byte) (i < trickleStart.length() ? trickleStart.charAt((int) i) : filler);
        }
    }

    /** Whether the flood's connections say nothing or trickle. */
    public enum Style { SILENT, TRICKLE }

    public FloodPlan {
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--flood-connections must be from 1 to " + MAX_CONNECTIONS
                    + ", got " + connections);
        }
        if (addresses < 1 || addresses > MAX_ADDRESSES) {
            throw new IllegalArgumentException("--flood-addresses must be from 1 to " + MAX_ADDRESSES
                    + ", got " + addresses);
        }
        if (trickle.isNegative() || trickle.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--flood-trickle and --flood-timeout must be positive");
        }
    }

    /** The source address of connection {@code i}. */
    InetAddress source(int i) {
        int a = i % addresses;
        try {
            return InetAddress.getByAddress(new byte[]{127, 1, (byte) (a / 250), (byte) (a % 250 + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    /** A connection closed before this is taken as refused (the per-address limit), not timed out. */
    Duration refusedBefore() {
        return timeout.dividedBy(2);
    }

    /** A connection closed after this was closed late: the timeout plus the servers' checking once a second, and slack. */
    Duration lateAfter() {
        return timeout.plus(trickle).plusSeconds(3);
    }
}
