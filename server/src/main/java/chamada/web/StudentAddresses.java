package chamada.web;

import org.eclipse.jetty.server.Request;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The addresses students' phones reach this server by: what the start-up lines print, and what
 * the projector's QR code holds. A phone cannot reach the teacher's {@code localhost}, so a page
 * opened on the server's own machine links to the machine's network address instead.
 */
public final class StudentAddresses {

    private StudentAddresses() {
    }

    /**
     * The addresses a student types to reach a server listening on {@code listening}: each
     * non-loopback, non-link-local address of this machine (of the same family) when it listens
     * on all of them, else the one it listens on.
     */
    public static List<InetAddress> reachable(InetAddress listening) {
        if (!listening.isAnyLocalAddress()) {
            return List.of(listening);
        }
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (face.isUp() && !face.isLoopback()) {
                    face.inetAddresses().filter(a -> a.getAddress().length == listening.getAddress().length)
                            .filter(a -> !a.isLinkLocalAddress()).forEach(addresses::add);
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return addresses;
    }

    /**
     * The start of a link a phone can open for a page asked as {@code request}, such as
     * {@code http://192.168.0.10:8080}: the address the teacher's browser used, unless that is
     * this machine's loopback, then the machine's first network address.
     */
    static String base(Request request, InetAddress listening) {
        String scheme = request.getHttpURI().getScheme();
        String host = Request.getServerName(request);
        int port = Request.getServerPort(request);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (loopback) {
            List<InetAddress> network = reachable(listening);
            if (!network.isEmpty() && !network.getFirst().isLoopbackAddress()) {
                String address = network.getFirst().getHostAddress();
                host = address.contains(":") ? "[" + address + "]" : address;
            }
        }
        return scheme + "://" + host + ":" + port;
    }
}
