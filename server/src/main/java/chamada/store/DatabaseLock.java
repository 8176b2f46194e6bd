package chamada.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exclusive lock a store holds on {@code <database>.lock} from open to close, so that a
 * second Chamada server cannot use the same database: the store hands out roll-call ids
 * from an in-memory counter, and two servers on one file would hand out the same ids.
 *
 * <p>Design note. {@link FileChannel#tryLock} takes a POSIX record lock, which belongs to the
 * process, not to the channel: closing <em>any</em> descriptor of the file releases every
 * lock the process holds on it (POSIX {@code fcntl}, "All locks associated with a file for a
 * given process shall be removed when a file descriptor for that file is closed"). So a
 * second store in the same JVM must not even open the lock file to try, or closing its
 * channel would silently free the first store's lock. {@link #HELD} records the databases
 * whose lock this JVM holds, and is checked before any descriptor is opened. It is the one static
 * mutable set in the store, and exists only because the lock it mirrors is JVM-wide too.
 *
 * <p>The lock file is created if missing and never deleted: deleting it would let a server
 * lock a fresh file while another still holds the old one. The operating system releases
 * the lock when the process ends, however it ends, so a crash leaves nothing stale.
 *
 * <p>Thread-safe; {@link #close} is idempotent.
 */
final class DatabaseLock implements AutoCloseable {

    /** The databases ({@link #canonical} paths) whose lock this JVM holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final AtomicBoolean released = new AtomicBoolean();

    private DatabaseLock(Path key, FileChannel channel) {
        this.key = key;
        this.channel = channel;
    }

    /** The lock file of {@code database}: the same name with {@code .lock} added, in the same directory. */
    static Path fileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code database} (an absolute path whose directory exists), or throws
     * {@link StoreUnavailableException}: {@link StoreProblem#IN_USE} if another Chamada server,
     * in this process or another, holds it; a {@link DatabaseHeader} refusal if the file is
     * plainly not a Chamada database (then no lock file is created); {@link StoreProblem#CANNOT_CREATE}
     * if the lock file cannot be created.
     */
    static DatabaseLock acquire(Path database) {
        Path key = canonical(database);
        Path lockFile = fileOf(key);
        if (!HELD.add(key)) {
            throw new StoreUnavailableException(StoreProblem.IN_USE, database, null, lockFile);
        }
        FileChannel channel = null;
        try {
            DatabaseHeader.check(database);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DatabaseLock(key, channel);
            }
            throw new StoreUnavailableException(StoreProblem.IN_USE, database, null, lockFile);
        } catch (OverlappingFileLockException e) {
            // Locked in this JVM by something other than a store: in use all the same.
            release(key, channel);
            throw new StoreUnavailableException(StoreProblem.IN_USE, database, e, lockFile);
        } catch (IOException e) {
            release(key, channel);
            throw new StoreUnavailableException(StoreProblem.CANNOT_CREATE, database, e);
        } catch (RuntimeException e) {
            release(key, channel);
            throw e;
        }
    }

    /**
     * The path that names {@code database} however it was reached: its folder's real path, and
     * the target if the file itself is a symbolic link. The file may not exist yet.
     */
    private static Path canonical(Path database) {
        if (database.getParent() == null || database.getFileName() == null) {
            return database;
        }
        try {
            Path path = database.getParent().toRealPath().resolve(database.getFileName());
            return Files.isSymbolicLink(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            // A folder that vanished, or a dangling link: SQLite will say what is wrong with the path.
            return database;
        }
    }

    /** Releases the lock; idempotent. */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            release(key, channel);
        }
    }

    /** Closes first and forgets after, so no other store in this JVM opens the file while it is being closed. */
    private static void release(Path key, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing the descriptor releases the lock whether or not close reports a problem.
        } finally {
            HELD.remove(key);
        }
    }
}
