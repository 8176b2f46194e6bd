package chamada.server.nativeport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.ReferenceCountUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.function.BiConsumer;

/**
 * The first thing a trusted load balancer sends on a connection: a PROXY protocol header (v1,
 * text, or v2, binary), read by Netty's {@link HAProxyMessageDecoder}, which names the client.
 * Once it is read, the connection is set up as if the client had connected itself, and what
 * followed the header reaches it. A header that cannot be read closes the connection (the
 * decoder does), as the protocol asks; a {@code LOCAL} one (the balancer's own health check)
 * stands for the balancer itself.
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
    public void channelRead(ChannelHandlerContext ctx, Object message) throws UnknownHostException {
        if (!(message instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            // An IP literal, checked by the decoder: no name is looked up.
            InetAddress client = header.command() == HAProxyCommand.PROXY && header.sourceAddress() != null
                    && header.proxiedProtocol().addressFamily() != HAProxyProxiedProtocol.AddressFamily.AF_UNIX
                    && header.proxiedProtocol().addressFamily() != HAProxyProxiedProtocol.AddressFamily.AF_UNSPEC
                    ? InetAddress.getByName(header.sourceAddress())
                    : ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
            serve.accept(ctx, client);
            ctx.pipeline().remove(this);
        } finally {
            ReferenceCountUtil.release(header);
        }
    }
}
