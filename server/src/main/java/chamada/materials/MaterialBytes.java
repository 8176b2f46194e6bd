package chamada.materials;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A material's bytes, opened: {@code channel} to read them, {@code file} where they are. */
public record MaterialBytes(FileChannel channel, Path file) {
}
