package chamada.net;

import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol.AddressFamily;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whom a connection from a trusted load balancer is for, as its PROXY protocol header says. A
 * {@code LOCAL} header (the balancer's own health check), or one for a Unix socket or an
 * unknown family, names no client: the connection stands for the balancer itself.
 */
public final class ProxiedClient {

    private ProxiedClient() {
    }

    /**
     * The client {@code header} names, or {@code balancer} when it names none; empty for a source
     * the JDK cannot take as an address (an IPv6 zone that is no interface here, which the
     * decoder lets through): a bad header, whose connection is closed.
     */
    public static Optional<InetAddress> of(HAProxyMessage header, InetAddress balancer) {
        AddressFamily family = header.proxiedProtocol().addressFamily();
        if (header.command() != HAProxyCommand.PROXY || header.sourceAddress() == null
                || family == AddressFamily.AF_UNIX || family == AddressFamily.AF_UNSPEC) {
            return Optional.of(balancer);
        }
        try {
            // An IP literal, checked by the decoder: no name is looked up.
            return Optional.of(InetAddress.getByName(header.sourceAddress()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
