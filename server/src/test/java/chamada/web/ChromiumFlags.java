package chamada.web;

import java.util.List;

/**
 * The command-line switches every test browser starts with: headless, able to run as root in a
 * container, and unable to reach any address but the loopback one, so tests stay fast and
 * private and behave the same with or without a network.
 */
final class ChromiumFlags {

    static final List<String> ALL = List.of(
            "--headless=new",
            // Gives pages chrome.benchmarking.closeConnections(), which Browser.leave() calls so
            // that a test's server stops at once instead of waiting for idle keep-alive sockets.
            "--enable-net-benchmarking",
            // CI runs as root, where Chromium's sandbox cannot start; the pages are the tests' own.
            "--no-sandbox",
            // Containers give /dev/shm 64 MB, too little for Chromium's renderers.
            "--disable-dev-shm-usage",
            // One screenshot pixel per CSS pixel on every machine.
            "--force-device-scale-factor=1",
            // Everything not loopback goes to a proxy on 127.0.0.1:9, where nothing answers
            // (Chromium never proxies loopback), and no host name resolves but localhost: the
            // backstops behind the switches below, which stop the traffic Chromium starts itself.
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-domain-reliability",
            "--disable-client-side-phishing-detection",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--no-first-run",
            "--no-default-browser-check",
            "--no-pings",
            "--metrics-recording-only",
            "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication");

    private ChromiumFlags() {
    }
}
