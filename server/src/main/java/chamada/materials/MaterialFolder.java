package chamada.materials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the bytes of class materials live: a folder of files each named by a random key, never
 * by the name a teacher gave (so no name can reach outside the folder), and an incoming area,
 * {@code .incoming}, where uploads are written. A file is moved from there into the folder only
 * once it is whole and fsynced, so the folder never holds part of a file. Several servers may
 * share one folder (a cluster on PostgreSQL, SCALING.md): keys are random, moves are atomic, and
 * an incoming file is only ever removed by its own upload, or a day after it was last written.
 *
 * <p>Thread-safe: it keeps no state but its paths.
 */
public final class MaterialFolder {

    private static final Logger log = LoggerFactory.getLogger(MaterialFolder.class);

    private static final String INCOMING = ".incoming";
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    /** An incoming file untouched this long belongs to an upload that died with its server. */
    static final Duration ABANDONED = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final Path incoming;

    private MaterialFolder(Path folder) {
        this.folder = folder;
        this.incoming = folder.resolve(INCOMING);
    }

    /** The folder at {@code path}, created if missing, its abandoned incoming files removed. */
    public static MaterialFolder at(Path path) throws IOException {
        MaterialFolder folder = new MaterialFolder(path.toAbsolutePath().normalize());
        Files.createDirectories(folder.incoming);
        folder.removeAbandoned();
        return folder;
    }

    public Path path() {
        return folder;
    }

    /** Bytes free for new files on the folder's disk. */
    public long usableSpace() throws IOException {
        return Files.getFileStore(folder).getUsableSpace();
    }

    /** A new file to receive, in the incoming area. */
    public IncomingFile receive() throws IOException {
        Path path = incoming.resolve(newKey() + ".part");
        return new IncomingFile(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** What a scratch file is for, which says how long one a crash left behind is kept. */
    public enum Scratch {
        /** A restore's file, gone within a day of being left, as an abandoned upload. */
        PART(".part"),
        /** A backup's copy of the database or its archive: removed at the next start, whatever its age (it holds every student's records). */
        BACKUP(".backup");

        private final String suffix;

        Scratch(String suffix) {
            this.suffix = suffix;
        }
    }

    /** A path in the incoming area where nothing is yet, for a file the server writes and removes itself. */
    public Path scratchPath(Scratch kind) {
        return incoming.resolve(newKey() + kind.suffix);
    }

    /** The keys of every material's bytes kept here, whichever class they belong to. */
    public List<String> keys() throws IOException {
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (KEY.matcher(name).matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    keys.add(name);
                }
            }
        }
        return keys;
    }

    /** Whether {@code name} is a key the folder keeps bytes under. */
    public static boolean isKey(String name) {
        return KEY.matcher(name).matches();
    }

    /**
     * Makes {@code file}, finished, part of the folder under a new key, durably (the file, then the
     * folder's entry); answers the key.
     */
    String keep(IncomingFile file) throws IOException {
        String key = newKey();
        try {
            Files.move(file.path(), folder.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the material folder " + folder + " cannot move files atomically", e);
        }
        syncFolder();
        return key;
    }

    /** Opens the bytes kept under {@code key} for reading; a link or anything but a regular file is refused. */
    public FileChannel open(String key) throws IOException {
        Path file = pathOf(key);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Keeps {@code bytes} under {@code key}, durably, replacing what was there: a restore's, which
     * puts back the keys its database names.
     */
    public void keepAs(String key, InputStream bytes) throws IOException {
        Path target = pathOf(key);
        Path part = scratchPath(Scratch.PART);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            bytes.transferTo(Channels.newOutputStream(channel));
            channel.force(true);
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder();
    }

    /** Deletes the bytes kept under {@code key}; a reader that has them open still reads them to the end. */
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            log.warn("Could not delete the material file {}: {}", pathOf(key), e.toString());
        }
    }

    /** Where the bytes kept under {@code key} are, for a front that sends a file by its path. */
    public Path pathOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a material key: " + key);
        }
        return folder.resolve(key);
    }

    private static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A move is durable once the folder's entry is: fsync the folder (Linux allows it; elsewhere it is skipped). */
    private void syncFolder() {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            log.debug("Cannot fsync the material folder {} on this system: {}", folder, e.toString());
        }
    }

    private void removeAbandoned() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming, "*" + Scratch.BACKUP.suffix)) {
            for (Path file : files) {
                log.info("Removing {}, a backup's file left by a server that stopped while writing it", file);
                Files.deleteIfExists(file);
            }
        }
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming, "*.part")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    log.info("Removing {}, an upload abandoned over a day ago", file);
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
