package chamada.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A first look at the header of an existing file given as the database, before the store
 * creates its lock file beside it: a file that is plainly not a Chamada database (a text
 * file, a folder, another program's SQLite database) is refused without leaving a
 * {@code .lock} next to it. Think of {@code --db /etc/passwd} run as root: shadow-utils
 * uses {@code /etc/passwd.lock} as its own lock, and a stray one blocks {@code useradd}.
 *
 * <p>Only definite answers refuse here; the migrations make the final check under the lock
 * (an application id of 0 may be a new Chamada file or another program's, see
 * {@link Migrations}). The layout is SQLite's: the 16-byte magic string at offset 0, the
 * application id as a big-endian integer at offset 68 (sqlite.org/fileformat2.html).
 *
 * <p>Must not run while this JVM has the file open through SQLite: closing the descriptor
 * used here would release SQLite's POSIX locks on it. {@link DatabaseLock} calls it only
 * after making sure no other store of this JVM holds the file.
 */
final class DatabaseHeader {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int APPLICATION_ID_OFFSET = 68;
    private static final int READ = APPLICATION_ID_OFFSET + Integer.BYTES;

    private DatabaseHeader() {
    }

    /** Returns if {@code file} is missing, empty, or may be a Chamada database; throws otherwise. */
    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreUnavailableException(StoreProblem.NOT_A_FILE, file, null);
        }
        if (!Files.exists(file)) {
            return;
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(READ);
        } catch (IOException e) {
            throw new StoreUnavailableException(StoreProblem.CANNOT_OPEN, file, e);
        }
        if (header.length == 0) {
            return;
        }
        if (header.length < READ || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StoreUnavailableException(StoreProblem.NOT_A_DATABASE, file, null);
        }
        int applicationId = ByteBuffer.wrap(header, APPLICATION_ID_OFFSET, Integer.BYTES).getInt();
        if (applicationId != 0 && applicationId != Migrations.APPLICATION_ID) {
            throw new StoreUnavailableException(StoreProblem.NOT_CHAMADA, file, null);
        }
    }
}
