package chamada.cli;

import picocli.CommandLine.IVersionProvider;

import java.util.Optional;

/** {@code chamada --version}: the jar manifest's Implementation-Version, or {@code dev} when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"chamada " + version(), "Java ${java.version} (${java.vendor})"};
    }

    static String version() {
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("dev");
    }
}
