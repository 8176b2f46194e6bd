package chamada.server.nativeport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The native port's listening socket and its event loops, bound before the store is opened (so
 * a port in use fails first) and accepting only once {@link #accept} says how to serve.
 *
 * <p>Design note. Loops: one per two cores, at least one. Each loop is a thread that is always
 * runnable under load, beside the store's journal thread; on two cores, one loop leaves a core
 * to the journal and to the kernel's work for the sockets (BENCHMARKS.md, "Issue 11"). The
 * epoll transport where the native library loads (Linux on x86-64), NIO elsewhere.
 */
public final class NativeSocket implements AutoCloseable {

    private static final int BACKLOG = 1024;

    private final EventLoopGroup loops;
    private final Channel channel;
    private volatile Consumer<Channel> serve;

    private NativeSocket(EventLoopGroup loops, Channel channel) {
        this.loops = loops;
        this.channel = channel;
    }

    /** Binds {@code address} (port 0: any free one); nothing is accepted yet. */
    public static NativeSocket bind(InetSocketAddress address) throws IOException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        int count = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(count,
                new DefaultThreadFactory("chamada-native-loop", false), handlers);
        NativeSocket[] socket = new NativeSocket[1];
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops).channel(type)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                // Not accepting until the server has its application: connections wait in the backlog.
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // A client that shuts its output after its last request still gets the replies.
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel accepted) {
                        socket[0].serve.accept(accepted);
                    }
                });
        try {
            Channel bound = bootstrap.bind(address).sync().channel();
            socket[0] = new NativeSocket(loops, bound);
            return socket[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IOException("interrupted while binding " + address, e);
        } catch (Exception e) {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            // The epoll transport reports a port in use in an exception of its own.
            BindException failed = new BindException("cannot bind " + address + ": " + e.getMessage());
            failed.initCause(e);
            throw failed;
        }
    }

    /** Starts accepting; {@code serve} sets up each accepted connection's pipeline, on its loop. */
    void accept(Consumer<Channel> serve) {
        this.serve = serve;
        channel.config().setAutoRead(true);
    }

    /** Where it listens; the port is the real one when it was bound to port 0. */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** No new connections; those accepted go on. */
    void stopAccepting() {
        channel.close().syncUninterruptibly();
    }

    /** Closes the socket, if still open, and stops the loops, closing every connection left. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        try {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
