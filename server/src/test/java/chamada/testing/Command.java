package chamada.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system command a test fixture runs (mount, umount, fusermount), bounded in time. Its
 * output goes to a file rather than a pipe: reading a pipe to its end blocks for as long as
 * the command, or a child it left behind, keeps it open, and a hung command must fail the test
 * with its name, not hang the suite.
 */
final class Command {

    private Command() {
    }

    /** Runs {@code command}; throws, with what it said, if it fails or is still running after {@code timeout}. */
    static void run(List<String> command, Duration timeout) throws IOException {
        Path output = Files.createTempFile("chamada-command", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean ended = waitFor(process, timeout, command);
            if (!ended) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " was still running after " + timeout.toSeconds()
                        + " s, and was killed; it said: " + Files.readString(output, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean waitFor(Process process, Duration timeout, List<String> command) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
