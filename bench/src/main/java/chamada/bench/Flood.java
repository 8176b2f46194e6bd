package chamada.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Silent or trickling connections held open against a server as long as it lets them
 * ({@link FloodPlan}): slowloris, to check that the server closes them within its timeout, that
 * its per-address limit refuses those past it, and (run beside the check-in load) that real
 * clients are not held up meanwhile.
 *
 * <p>Design note. Each connection has a virtual thread that blocks on its socket, so the flood
 * costs a stack of a few kilobytes per connection and no event loop of its own: a trickle is a
 * read timeout of the trickle's period, after which one byte is written. The connections come
 * from other loopback addresses (127.1.0.0/16, which Linux routes to lo with no setup) so that
 * thousands fit under a per-address limit without a proxy in between (docs/DECISIONS.md).
 *
 * <p>Threads: {@link #open}, {@link #finish} and {@link #close} on the caller's thread; each
 * connection's watch on its own virtual thread.
 */
public final class Flood implements AutoCloseable {

    private final FloodPlan plan;
    private final Duration connectTimeout;
    private final List<Socket> sockets = new ArrayList<>();
    private final ConcurrentLinkedQueue<Duration> closes = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    private CountDownLatch watched = new CountDownLatch(0);
    private long failed;

    public Flood(FloodPlan plan, Duration connectTimeout) {
        this.plan = plan;
        this.connectTimeout = connectTimeout;
    }

    public FloodPlan plan() {
        return plan;
    }

    /** Opens every connection, one after the other, and starts watching each; those that cannot connect are counted. */
    public void open() {
        watched = new CountDownLatch(plan.connections());
        for (int i = 0; i < plan.connections(); i++) {
            Socket socket = new Socket();
            try {
                socket.bind(new InetSocketAddress(plan.source(i), 0));
                socket.connect(new InetSocketAddress(plan.host(), plan.portNumber()), (int) connectTimeout.toMillis());
            } catch (IOException e) {
                failed++;
                watched.countDown();
                closeQuietly(socket);
                continue;
            }
            sockets.add(socket);
            long start = System.nanoTime();
            Thread.ofVirtual().name("flood-", i).start(() -> watch(socket, start));
        }
    }

    /**
     * Waits until the server has closed every connection, or until {@link FloodPlan#lateAfter}
     * plus as long again, then closes what is left and says what happened.
     */
    public FloodResult finish() throws InterruptedException {
        long start = System.nanoTime();
        Duration patience = plan.lateAfter().plus(plan.lateAfter());
        watched.await(patience.toNanos(), TimeUnit.NANOSECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        List<Duration> closed = List.copyOf(closes);
        long neverClosed = sockets.size() - closed.size();
        close();
        long refused = closed.stream().filter(d -> d.compareTo(plan.refusedBefore()) < 0).count();
        long late = closed.stream().filter(d -> d.compareTo(plan.lateAfter()) > 0).count();
        List<Duration> timedOut = closed.stream().filter(d -> d.compareTo(plan.refusedBefore()) >= 0).sorted().toList();
        return new FloodResult(plan, failed, refused, closed.size() - refused - late, late, neverClosed,
                timedOut.isEmpty() ? Duration.ZERO : timedOut.getFirst(),
                timedOut.isEmpty() ? Duration.ZERO : timedOut.getLast(), waited);
    }

    /** Closes every connection still open; never throws. */
    @Override
    public void close() {
        stopping = true;
        sockets.forEach(Flood::closeQuietly);
    }

    /** Reads until the server closes the connection, trickling a byte whenever a read has waited a trickle's period. */
    private void watch(Socket socket, long start) {
        try {
            if (plan.style() == FloodPlan.Style.TRICKLE) {
                socket.setSoTimeout((int) plan.trickle().toMillis());
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[4096];
            long sent = 0;
            if (plan.style() == FloodPlan.Style.TRICKLE) {
                out.write(plan.port().trickleByte(sent++));
            }
            while (true) {
                try {
                    if (in.read(buffer) < 0) {
                        break;
                    }
                } catch (SocketTimeoutException e) {
                    out.write(plan.port().trickleByte(sent++));
                }
            }
        } catch (IOException e) {
            // A reset, or a write after the server closed: the end either way.
        } finally {
            if (!stopping) {
                closes.add(Duration.ofNanos(System.nanoTime() - start));
            }
            closeQuietly(socket);
            watched.countDown();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do about a socket that cannot even close.
        }
    }
}
