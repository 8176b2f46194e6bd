package chamada.cli;

import chamada.protocol.Wire;
import picocli.CommandLine.IVersionProvider;

/** {@code chamada --version}: the jar manifest's Implementation-Version, or {@code dev} when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"chamada " + version(), "Java ${java.version} (${java.vendor})"};
    }

    static String version() {
        // The same answer the server gives in its hello: one jar, one version.
        return Wire.serverVersion();
    }
}
