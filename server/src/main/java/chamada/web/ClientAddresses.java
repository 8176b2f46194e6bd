package chamada.web;

import chamada.rollcall.Network;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where a web request comes from, for the rules that look at it (the school's networks, the guess
 * limits, open mode's own machine): the peer's address, or behind a reverse proxy the
 * {@code X-Forwarded-For} it adds, believed only when the peer is one of {@code --trusted-proxy}.
 * The last address a trusted proxy added is the client: earlier ones are what the client wrote.
 */
public final class ClientAddresses {

    private final List<Network> trustedProxies;

    public ClientAddresses(List<Network> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The client's address; a forwarded one that is not a literal address is ignored. */
    public InetAddress of(Request request) {
        InetAddress peer = peer(request);
        if (trustedProxies.stream().noneMatch(proxy -> proxy.contains(peer))) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR);
        if (forwarded.isEmpty()) {
            return peer;
        }
        String[] hops = forwarded.getLast().split(",");
        try {
            return Network.parse(hops[hops.length - 1].strip()).base();
        } catch (IllegalArgumentException e) {
            return peer;
        }
    }

    private static InetAddress peer(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress();
        }
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four zero bytes are an address", e);
        }
    }
}
