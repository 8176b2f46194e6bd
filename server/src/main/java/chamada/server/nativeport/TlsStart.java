package chamada.server.nativeport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The start of a connection to a native port that speaks TLS: the client's first byte says
 * whether it speaks TLS too. A TLS client's first record is a handshake (content type 22, RFC 8446
 * section 5.1), a control character no line of the native protocol starts with; for it, {@code tls}
 * puts TLS in front of the connection. A plain client (a Chamada client without {@code --tls},
 * one older than TLS, {@code nc}) goes to {@code plain}, which tells it so in plain text rather
 * than leaving it a failed handshake to puzzle over. Either way this handler then leaves the
 * pipeline, and the bytes it held go on to the handlers set up. A client that sends nothing for
 * {@link NativeTls#HANDSHAKE_TIMEOUT} is closed unanswered.
 *
 * <p>Runs on the connection's event loop. Until the first byte the connection is neither counted
 * against its address's limit nor served, which the short wait bounds.
 */
final class TlsStart extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(TlsStart.class);
    /** The content type of a TLS handshake record, the first byte every TLS client sends. */
    static final byte HANDSHAKE = 22;

    private final Consumer<ChannelHandlerContext> tls;
    private final Consumer<ChannelHandlerContext> plain;
    private ScheduledFuture<?> silence;

    /**
     * {@code tls} and {@code plain} each add the connection's handlers after this one and tell
     * them it is active; this one leaves once either has.
     */
    TlsStart(Consumer<ChannelHandlerContext> tls, Consumer<ChannelHandlerContext> plain) {
        this.tls = tls;
        this.plain = plain;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        // Held back: the connection's own handlers are told it is active once they exist.
        silence = context.executor().schedule(() -> {
            log.debug("A client of the TLS native port from {} sent nothing; closing it", context.channel().remoteAddress());
            context.close();
        }, NativeTls.HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        if (silence != null) {
            silence.cancel(false);
        }
        (in.getByte(in.readerIndex()) == HANDSHAKE ? tls : plain).accept(context);
        context.pipeline().remove(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // Before the connection is set up, a client gone (reset) is nobody's error.
        log.debug("A client of the TLS native port from {} went: {}", context.channel().remoteAddress(), cause.toString());
        context.close();
    }
}
