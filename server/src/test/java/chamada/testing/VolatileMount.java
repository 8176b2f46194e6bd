package chamada.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A folder served through {@code reliability/volatilefs.py}: writes stay in that process's
 * memory until fsynced, {@link #cut} drops them as a power cut would, and {@link #fault}
 * makes writes or fsyncs fail. The disk it stands for is a folder beside the mount point.
 */
public final class VolatileMount implements AutoCloseable {

    private static final Path SCRIPT = Path.of("reliability/volatilefs.py").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(30);

    private final Path disk;
    private final Path mountPoint;
    private final Path control;
    private final Path log;
    private Process process;

    private VolatileMount(Path dir) {
        this.disk = dir.resolve("disk");
        this.mountPoint = dir.resolve("mnt");
        this.control = dir.resolve("faults");
        this.log = dir.resolve("volatilefs.log");
    }

    /**
     * Skips the test, saying why, if this machine cannot mount the layer.
     * It needs root (to mount without a set-uid helper), {@code /dev/fuse}, Debian's
     * {@code python3-fusepy} and {@code fusermount} (from {@code fuse3}); {@code ./chamada test}
     * installs the packages.
     */
    public static void assumeAvailable() {
        unavailable().ifPresent(why -> Assumptions.abort(why));
    }

    private static Optional<String> unavailable() {
        String missing = "the FUSE power-loss layer cannot run here: ";
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of(missing + "mounting it needs root");
        }
        if (!Files.exists(Path.of("/dev/fuse"))) {
            return Optional.of(missing + "there is no /dev/fuse");
        }
        if (!succeeds(List.of(PYTHON, "-c", "import fusepy")) || !succeeds(List.of("fusermount", "-V"))) {
            return Optional.of(missing + "it needs python3-fusepy and fuse3 (apt-get install python3-fusepy fuse3)");
        }
        return Optional.empty();
    }

    /** Mounts a new, empty layer in {@code dir}; returns once it serves. */
    public static VolatileMount mount(Path dir) throws IOException {
        VolatileMount mount = new VolatileMount(dir);
        Files.createDirectories(mount.disk);
        Files.createDirectories(mount.mountPoint);
        mount.start();
        return mount;
    }

    /** The mounted folder, where the server's files go. */
    public Path path() {
        return mountPoint;
    }

    /**
     * Makes writes or fsyncs fail from now on: one fault per line, as {@code volatilefs.py}'s
     * header says (for example {@code "write ENOSPC"}, {@code "fsync EIO .seg"}); "" clears them.
     */
    public void fault(String faults) throws IOException {
        // Renamed into place: written in place, a read between the truncation and the write
        // would see no fault, and a clock too coarse to change the mtime would keep it so.
        Path next = control.resolveSibling(control.getFileName() + ".next");
        Files.writeString(next, faults);
        Files.move(next, control, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The power cut: the layer dies with every unsynced write, and its mount goes. */
    public void cut() throws IOException {
        process.destroyForcibly();
        waitFor(process);
        unmount();
    }

    /** Mounts the same disk again after a {@link #cut}, as a machine whose power came back. */
    public void remount() throws IOException {
        start();
    }

    @Override
    public void close() throws IOException {
        if (process != null && process.isAlive()) {
            cut();
        }
    }

    private void start() throws IOException {
        process = new ProcessBuilder(PYTHON, SCRIPT.toString(), disk.toString(), mountPoint.toString(),
                control.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        String line = firstLine(process).orElse("nothing within " + MOUNT_TIMEOUT.toSeconds() + " s");
        if (!"MOUNTED".equals(line)) {
            process.destroyForcibly();
            waitFor(process);
            throw new IOException("volatilefs did not mount " + mountPoint + " (its first line: " + line
                    + "); its log " + log + " says: " + Files.readString(log));
        }
    }

    /**
     * The first line {@code process} prints, or empty if it prints none within
     * {@link #MOUNT_TIMEOUT}: a hung layer must fail the test, not hang the suite.
     */
    private static Optional<String> firstLine(Process process) throws IOException {
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread.ofVirtual().name("volatilefs-stdout").start(() -> {
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                first.complete(Objects.requireNonNullElse(out.readLine(), "none, it ended"));
            } catch (IOException e) {
                first.completeExceptionally(e);
            }
        });
        try {
            return Optional.of(first.get(MOUNT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty(); // the caller kills the process, which ends the read
        } catch (ExecutionException e) {
            throw new IOException("reading volatilefs' output failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for volatilefs to mount", e);
        }
    }

    private void unmount() throws IOException {
        Command.run(List.of("fusermount", "-u", "-z", mountPoint.toString()), MOUNT_TIMEOUT);
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return waitFor(process) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor(MOUNT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
