package chamada.materials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file being received, in the material folder's incoming area, hashed as it is written: nobody
 * reads it until {@link MaterialFolder#keep} has made it whole, durable and visible. Used by one
 * thread at a time.
 */
public final class IncomingFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final MessageDigest sha256;
    private long written;
    private boolean closed;

    IncomingFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Appends {@code bytes} (all of them). */
    public void write(ByteBuffer bytes) throws IOException {
        sha256.update(bytes.duplicate());
        while (bytes.hasRemaining()) {
            written += channel.write(bytes);
        }
    }

    public long written() {
        return written;
    }

    Path path() {
        return path;
    }

    /** Makes what was written durable and closes the file; answers its SHA-256 in lowercase hex. */
    String finish() throws IOException {
        channel.force(true);
        channel.close();
        closed = true;
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Drops the file: a transfer cut short, refused or failed leaves nothing behind. */
    @Override
    public void close() {
        try {
            if (!closed) {
                channel.close();
                closed = true;
            }
        } catch (IOException e) {
            // Closing a file being dropped: its deletion below is what matters.
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left in the incoming area: MaterialFolder removes such files a day later.
        }
    }
}
