package chamada.protocol.legacy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Python 3, when this machine has it, as the oracle of what the seeds' servers would send.
 * Tests that need it call {@link #assumeAvailable()}, which skips them with a clear line when
 * there is no {@code python3} on the PATH.
 */
public final class Python3 {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Python3() {
    }

    /** Whether {@code python3 --version} runs and says Python 3.6 or later (the seeds use f-strings). */
    public static boolean available() {
        try {
            Process process = new ProcessBuilder("python3", "-c",
                    "import sys; sys.exit(0 if sys.version_info >= (3, 6) else 1)")
                    .redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Skips the calling test, saying why, when Python 3 is not here. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(),
                "SKIPPED: python3 (3.6 or later) is not on the PATH, so the seeds' Python code cannot run here;"
                        + " install Python 3 to run this test");
    }

    /**
     * Runs {@code python3 -c program args...} in {@code dir}, feeding it {@code input}; returns its
     * standard output as UTF-8 once it exits 0 within {@link #TIMEOUT}.
     */
    public static String run(Path dir, String program, String input, String... args) {
        List<String> command = new ArrayList<>(List.of("python3", "-c", program));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process process = builder.start();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            boolean exited = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited).as("python3 finished within %s", TIMEOUT).isTrue();
            assertThat(process.exitValue()).as("python3 exit code").isZero();
            return new String(output.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError("running python3 failed", e);
        }
    }
}
