package chamada.web;

import org.eclipse.jetty.server.Request;

import java.net.InetAddress;

/**
 * Whether a request is this machine's own, for open mode, where that is all that makes a
 * teacher: from a loopback address, naming a loopback host (a page whose domain was rebound to
 * 127.0.0.1 still names its own domain), and not sent by a page of another site (the browser's
 * {@code Sec-Fetch-Site}, which no page can forge).
 */
final class LocalRequests {

    private LocalRequests() {
    }

    static boolean isLocal(Request request, InetAddress from) {
        String host = Request.getServerName(request);
        boolean loopbackHost = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
        String site = request.getHeaders().get("Sec-Fetch-Site");
        boolean ownSite = site == null || site.equals("same-origin") || site.equals("none");
        return from.isLoopbackAddress() && loopbackHost && ownSite;
    }
}
