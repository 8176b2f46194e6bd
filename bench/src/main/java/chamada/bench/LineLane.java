package chamada.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A lane over one TCP connection on a {@link LaneLoops} loop, for servers that answer each
 * check-in with one line ({@link LineProtocol}): it writes the check-in, cuts what it reads into
 * lines, and hands each reply to the lane's listener. A lost connection is heard as one
 * {@link CheckInReply.Failed}, whether a check-in was outstanding or not: the listener knows which.
 *
 * <p>Runs on its channel's loop; {@link #close} may be called from any thread.
 */
final class LineLane extends ChannelInboundHandlerAdapter implements Target.Lane {

    /** Longer than any reply to a check-in or a greeting; past it the server is not speaking the protocol. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final LineProtocol protocol;
    private final Consumer<CheckInReply> replies;
    private final CompletableFuture<Target.Lane> ready = new CompletableFuture<>();
    private Channel channel;
    private ByteBuf partial;
    private boolean open;
    private boolean lost;

    /** A lane not yet on a channel: {@link #connect} puts it on one (the tests, on an embedded channel). */
    LineLane(LineProtocol protocol, Consumer<CheckInReply> replies) {
        this.protocol = protocol;
        this.replies = replies;
    }

    /**
     * Connects to {@code host:port} on one of {@code loops} and says the protocol's greeting; the
     * lane, once the greeting is answered, or an {@link IOException} naming {@code server} and
     * saying why not, within {@code timeout}.
     */
    static CompletableFuture<Target.Lane> connect(LaneLoops loops, String host, int port, Duration timeout,
                                                  String server, LineProtocol protocol,
                                                  Consumer<CheckInReply> replies) {
        LineLane lane = new LineLane(protocol, replies);
        ChannelFuture connecting = loops.bootstrap(timeout).handler(lane).connect(host, port);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                lane.ready.completeExceptionally(done.cause());
            }
        });
        return lane.ready.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((open, failure) -> {
            if (failure == null) {
                return open;
            }
            connecting.channel().close();
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            String why = cause instanceof TimeoutException ? "no answer in " + timeout.toMillis() + " ms"
                    : cause.getMessage();
            throw new CompletionException(new IOException("cannot connect to " + server + ": " + why, cause));
        });
    }

    @Override
    public EventLoop loop() {
        return channel.eventLoop();
    }

    @Override
    public void checkIn(int classId, long matricula) {
        ByteBuf request = channel.alloc().buffer(128);
        protocol.writeCheckIn(request, classId, matricula);
        channel.writeAndFlush(request, channel.voidPromise());
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        byte[] greeting = protocol.greeting();
        if (greeting.length == 0) {
            opened();
        } else {
            ctx.writeAndFlush(ctx.alloc().buffer(greeting.length).writeBytes(greeting), ctx.voidPromise());
        }
    }

    /** Cuts lines; the usual read is exactly one reply, read in place with nothing kept. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            ByteBuf data = in;
            if (partial != null) {
                partial.writeBytes(in);
                data = partial;
            }
            int eol;
            while (!lost && (eol = data.indexOf(data.readerIndex(), data.writerIndex(), (byte) '\n')) >= 0) {
                int start = data.readerIndex();
                int end = eol > start && data.getByte(eol - 1) == '\r' ? eol - 1 : eol;
                ByteBuf line = data.slice(start, end - start);
                data.readerIndex(eol + 1);
                heard(line);
            }
            keepRest(ctx, data);
        } finally {
            in.release();
        }
    }

    private void keepRest(ChannelHandlerContext ctx, ByteBuf data) {
        if (lost || !data.isReadable()) {
            if (partial != null) {
                partial.release();
                partial = null;
            }
        } else if (data.readableBytes() > MAX_LINE_BYTES) {
            fail("a reply line longer than " + MAX_LINE_BYTES + " bytes");
            ctx.close();
        } else if (partial == null) {
            partial = ctx.alloc().buffer(Math.max(256, data.readableBytes() * 2)).writeBytes(data);
        } else {
            partial.discardReadBytes();
        }
    }

    private void heard(ByteBuf line) {
        if (open) {
            replies.accept(protocol.read(line));
            return;
        }
        if (ready.isDone()) {
            return; // given up on (timed out) and being closed
        }
        try {
            protocol.greeted(line.toString(StandardCharsets.UTF_8));
            opened();
        } catch (IOException e) {
            ready.completeExceptionally(e);
            lost = true;
            channel.close();
        }
    }

    /** Hands the lane out, unless its connect has timed out meanwhile. */
    private void opened() {
        open = true;
        if (!ready.complete(this)) {
            open = false;
            lost = true;
            channel.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (partial != null) {
            partial.release();
            partial = null;
        }
        ready.completeExceptionally(new IOException("the connection was closed"));
        fail("the connection was closed");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ready.completeExceptionally(cause);
        fail(cause.toString());
        ctx.close();
    }

    /** Tells the listener once, if the lane was ever handed out, that the connection is gone. */
    private void fail(String why) {
        if (open && !lost) {
            replies.accept(new CheckInReply.Failed(why));
        }
        lost = true;
    }
}
