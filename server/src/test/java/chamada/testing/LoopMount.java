package chamada.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A small ext4 file system in a file, mounted through a loop device: a real disk that a test
 * can fill up. Needs root and e2fsprogs' {@code mkfs.ext4}; {@link #assumeAvailable} skips
 * the test, saying why, elsewhere.
 */
public final class LoopMount implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path mountPoint;

    private LoopMount(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Skips the test, saying why, if this machine cannot make and mount a loop file system. */
    public static void assumeAvailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            Assumptions.abort("a loop-mounted file system needs root");
        }
        if (!Files.exists(Path.of("/dev/loop-control")) || !Files.isExecutable(Path.of("/usr/sbin/mkfs.ext4"))) {
            Assumptions.abort("a loop-mounted file system needs /dev/loop-control and mkfs.ext4 (e2fsprogs)");
        }
    }

    /** Makes an ext4 file system of {@code megabytes} in {@code dir} and mounts it; returns once it is mounted. */
    public static LoopMount mount(Path dir, int megabytes) throws IOException {
        Path image = dir.resolve("disk.img");
        Path mountPoint = dir.resolve("mnt");
        Files.createDirectories(mountPoint);
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength((long) megabytes << 20);
        }
        run(List.of("/usr/sbin/mkfs.ext4", "-q", "-F", image.toString()));
        run(List.of("mount", "-o", "loop", image.toString(), mountPoint.toString()));
        return new LoopMount(mountPoint);
    }

    /** The mounted folder. */
    public Path path() {
        return mountPoint;
    }

    @Override
    public void close() throws IOException {
        run(List.of("umount", "-l", mountPoint.toString()));
    }

    private static void run(List<String> command) throws IOException {
        Command.run(command, COMMAND_TIMEOUT);
    }
}
