package chamada.server.nativeport;

import chamada.net.ProxiedClient;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.util.ReferenceCountUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The first thing a trusted load balancer sends on a connection: a PROXY protocol header (v1,
 * text, or v2, binary), read by Netty's {@link HAProxyMessageDecoder}, which names the client.
 * Once it is read, the connection is set up as if the client had connected itself, and what
 * followed the header reaches it. A header that cannot be read closes the connection (the
 * decoder does), as the protocol asks; {@link ProxiedClient} says whom a header names.
 */
final class ProxyHeader extends ChannelInboundHandlerAdapter {

    private final BiConsumer<ChannelHandlerContext, InetAddress> serve;

    /** {@code serve} sets up the connection's pipeline for the client's address, after this handler. */
    ProxyHeader(BiConsumer<ChannelHandlerContext, InetAddress> serve) {
        this.serve = serve;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // Held back: the connection's own handler is told it is active once it exists.
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            Optional<InetAddress> client = ProxiedClient.of(header,
                    ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
            if (client.isEmpty()) {
                ctx.close();
                return;
            }
            serve.accept(ctx, client.get());
            ctx.pipeline().remove(this);
        } finally {
            ReferenceCountUtil.release(header);
        }
    }
}
