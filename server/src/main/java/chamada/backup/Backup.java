package chamada.backup;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/** An archive written: where, how many bytes, their SHA-256 (hex), when its copy of the database was taken, and its material files. */
public record Backup(Path file, long size, String sha256, OffsetDateTime at, int materials) {
}
