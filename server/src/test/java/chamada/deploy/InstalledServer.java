package chamada.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server the Debian package installed, started as its unit starts it (user {@code chamada},
 * in {@code /var/lib/chamada}, {@code /usr/bin/chamada server --config /etc/chamada/chamada.yaml},
 * no JDK in its environment) but directly, since the tests run no systemd, and on free loopback
 * ports. {@link #stop} sends SIGTERM, as {@code systemctl stop} does. What it prints goes to a
 * file, read whole whenever asked: nothing is lost to a pipe closed when it ends.
 */
final class InstalledServer implements AutoCloseable {

    private static final String CONFIG = "/etc/chamada/chamada.yaml";
    private static final Pattern NATIVE = Pattern.compile(" listening on 127\\.0\\.0\\.1:(\\d+), ");
    private static final Pattern WEB = Pattern.compile(" on 127\\.0\\.0\\.1:(\\d+)\\. ");

    private final Process process;
    private final Path output;
    private final int port;
    private final int webPort;

    private InstalledServer(Process process, Path output, Duration timeout) {
        this.process = process;
        this.output = output;
        this.port = awaitPort(NATIVE, timeout);
        this.webPort = awaitPort(WEB, timeout);
    }

    /** Starts it; returns once both its native port and its web front say where they listen. */
    static InstalledServer start(Duration timeout) throws IOException {
        Path output = Files.createTempFile("chamada-installed-server", ".log");
        ProcessBuilder builder = new ProcessBuilder("setpriv", "--reuid=chamada", "--regid=chamada", "--init-groups",
                "--", "/usr/bin/chamada", "--lang", "en", "server", "--config", CONFIG,
                "--bind", "127.0.0.1", "--port", "0", "--http-bind", "127.0.0.1", "--http-port", "0")
                .directory(new File("/var/lib/chamada")).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", ProcessResult.PATH, "LANG", "C.UTF-8"));
        // setpriv execs the program: SIGTERM reaches the JVM itself, as the unit's KillSignal does.
        Process process = builder.start();
        try {
            return new InstalledServer(process, output, timeout);
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            Files.delete(output);
            throw e;
        }
    }

    int port() {
        return port;
    }

    int webPort() {
        return webPort;
    }

    /** Sends SIGTERM and waits for the server to end; returns its exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS))
                .as("the server ended within %s of SIGTERM; it said:%n%s", timeout, said()).isTrue();
        return process.exitValue();
    }

    /** What it printed so far, its log lines included. */
    String said() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.delete(output);
    }

    private int awaitPort(Pattern pattern, Duration timeout) {
        Optional<Integer> port = await().atMost(timeout).until(() -> {
            String said = said();
            Matcher found = pattern.matcher(said);
            if (found.find()) {
                return Optional.of(Integer.parseInt(found.group(1)));
            }
            assertThat(process.isAlive()).as("the installed server is running; it said:%n%s", said).isTrue();
            return Optional.<Integer>empty();
        }, Optional::isPresent);
        return port.orElseThrow();
    }
}
