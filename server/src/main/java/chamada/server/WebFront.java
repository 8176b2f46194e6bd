package chamada.server;

import chamada.rollcall.Network;
import chamada.web.WebConfig;

import java.util.List;

/**
 * The web front's part of a server's configuration: where it listens and with which limits,
 * and which reverse proxies are believed when they say, in {@code X-Forwarded-For}, whom a
 * request is from ({@code --trusted-proxy}).
 */
public record WebFront(WebConfig config, List<Network> trustedProxies) {

    public WebFront {
        trustedProxies = List.copyOf(trustedProxies);
    }
}
