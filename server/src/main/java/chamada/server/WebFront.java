package chamada.server;

import chamada.web.WebConfig;

/**
 * The web front's part of a server's configuration: where it listens and with which limits.
 * The reverse proxies it believes are the server's {@link ServerConfig#trustedProxies}, which
 * the native port reads too.
 */
public record WebFront(WebConfig config) {
}
