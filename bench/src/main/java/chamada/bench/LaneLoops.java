package chamada.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every lane of one run lives on: each connection's reads, writes, timers and
 * closed loop run on one of them, with no thread per connection.
 *
 * <p>Design note. One loop: the bench shares the machine's cores with the server it measures,
 * and one thread, always runnable under load, leaves the rest to the server; the work per
 * check-in is small enough for one loop to keep up with the server (BENCHMARKS.md, "The bench's
 * own cost"). The epoll transport where Netty's native library loads (Linux on x86-64), NIO elsewhere,
 * as the server's native port.
 */
public final class LaneLoops implements AutoCloseable {

    private static final int LOOPS = 1;

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;

    private LaneLoops(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        this.group = group;
        this.channelType = channelType;
    }

    static LaneLoops start() {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new LaneLoops(new MultiThreadIoEventLoopGroup(LOOPS, new DefaultThreadFactory("bench-loop", false),
                handlers), epoll ? EpollSocketChannel.class : NioSocketChannel.class);
    }

    /** A loop for a lane whose connection is not one of these loops' channels (an HTTP lane's). */
    EventLoop next() {
        return group.next();
    }

    /** A client bootstrap on these loops, with no delay on writes and {@code timeout} to connect. */
    Bootstrap bootstrap(Duration timeout) {
        return new Bootstrap().group(group).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Stops the loops, closing every channel still open on them, and waits a little for it. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
