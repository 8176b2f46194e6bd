package chamada.server.nativeport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;
import java.util.function.Supplier;

/**
 * The start of a connection to a native port in plain TCP: a client whose first byte opens a TLS
 * handshake ({@link TlsStart#HANDSHAKE}: a Chamada client given {@code --tls}) is sent the line
 * {@code refusal} gives, which says in plain text that this port does not speak TLS (its TLS
 * stack sees an answer that is not TLS, at once, rather than waiting for one), and is closed.
 * Without it the server would wait for the end of a line that a handshake may never contain.
 * Any other first byte goes on to the connection, and this handler leaves the pipeline.
 *
 * <p>Runs on the connection's event loop, before the connection's own handler.
 */
final class PlainStart extends ByteToMessageDecoder {

    private final Supplier<String> refusal;
    /** The client was refused: the rest of its handshake is dropped until the connection closes. */
    private boolean refused;

    /** {@code refusal}: the reply line, with its line end, for a TLS client; asked for only then. */
    PlainStart(Supplier<String> refusal) {
        this.refusal = refusal;
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!in.isReadable()) {
            return;
        }
        if (in.getByte(in.readerIndex()) == TlsStart.HANDSHAKE) {
            refused = true;
            in.skipBytes(in.readableBytes());
            context.writeAndFlush(ByteBufUtil.writeUtf8(context.alloc(), refusal.get()))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        context.pipeline().remove(this);
    }
}
