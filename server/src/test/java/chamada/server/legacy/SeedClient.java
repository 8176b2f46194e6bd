package chamada.server.legacy;

import chamada.protocol.legacy.Python3;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * One of the seeds' Python clients running in its own {@code python3} process against a test
 * server, through {@code seed/run_seed_client.py}, which points it at 127.0.0.1 and the
 * test's port without editing it. A test types lines into its input and waits for its output.
 */
final class SeedClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private SeedClient(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(this::collect);
    }

    /** Starts {@code python3 -u run_seed_client.py SCRIPT PORT ARGS...}, SCRIPT from {@code src/test/resources/seed}. */
    static SeedClient start(String script, int port, String... args) {
        List<String> command = new ArrayList<>(List.of("python3", "-u", resource("run_seed_client.py").toString(),
                resource(script).toString(), Integer.toString(port)));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        try {
            return new SeedClient(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(SeedClient.class.getResource("/seed/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void collect() {
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                // The clients print ASCII and whole UTF-8 replies; a character cut between reads is not worth a decoder here.
                output.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            output.append("\n[reading the output failed: ").append(e).append(']');
        }
    }

    /** Types {@code line} and Enter. */
    SeedClient type(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits, at most {@link #TIMEOUT}, until the output contains {@code text}. */
    SeedClient awaitOutput(String text) {
        try {
            await().atMost(TIMEOUT).until(() -> output.indexOf(text) >= 0);
        } catch (ConditionTimeoutException e) {
            fail("the client did not print \"" + text + "\" within " + TIMEOUT + "; it printed:\n" + output);
        }
        return this;
    }

    /** Ends its input (Ctrl-D) and waits for it to exit; returns all it printed. */
    String finish() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail("the client did not exit within " + TIMEOUT + " after its input ended; it printed:\n" + output);
            }
            reader.join(TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return output.toString();
    }

    /** Waits for it to exit by itself; returns its exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail("the client did not exit within " + TIMEOUT + "; it printed:\n" + output);
            }
            reader.join(TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    static void assumePython() {
        Python3.assumeAvailable();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
