package chamada.backup;

import chamada.materials.MaterialFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A backup archive: a ZIP file (the JDK's) holding {@code backup.json} (what it is), {@code chamada.db}
 * (the database's copy: roll calls, rosters, records, teachers' accounts, classes, messages) and
 * {@code materials/KEY} for the bytes of each material. Nothing else is read from one: a name
 * outside these (a path that climbs out, say) makes the whole archive refused.
 */
public final class BackupArchive {

    static final String MANIFEST = "backup.json";
    static final String DATABASE = "chamada.db";
    static final String MATERIALS = "materials/";
    /** The layout above; a later one gets a new number, and an older Chamada refuses it by name. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private BackupArchive() {
    }

    /**
     * Writes the archive to {@code target}, which must not exist: the database copy at
     * {@code database}, taken at {@code at}, and each material's open bytes.
     */
    static Backup write(Path target, Path database, Map<String, FileChannel> materials, OffsetDateTime at,
                        String server) throws IOException {
        MessageDigest sha256 = newSha256();
        OutputStream created = Files.newOutputStream(createPrivate(target));
        try (OutputStream file = created;
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(new DigestOutputStream(file, sha256)))) {
            zip.setLevel(Deflater.BEST_SPEED);
            ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("server", server)
                    .put("taken_at", at.toString()).put("materials", materials.size());
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.putNextEntry(new ZipEntry(DATABASE));
            Files.copy(database, zip);
            // Materials are mostly compressed already (PDF, video): stored as they are, the CPU stays with check-ins.
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (Map.Entry<String, FileChannel> material : materials.entrySet()) {
                zip.putNextEntry(new ZipEntry(MATERIALS + material.getKey()));
                material.getValue().position(0);
                Channels.newInputStream(material.getValue()).transferTo(zip);
            }
            zip.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        try (FileChannel written = FileChannel.open(target, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        return new Backup(target, Files.size(target), HexFormat.of().formatHex(sha256.digest()), at, materials.size());
    }

    /** What {@link #open} found in an archive: its manifest's account, the archive still open for reading. */
    public record Contents(ZipFile zip, OffsetDateTime takenAt, String server, int materials)
            implements AutoCloseable {

        /** Writes the archive's database to {@code file}, which must not exist, and fsyncs it; only its owner may read it. */
        public void extractDatabase(Path file) throws IOException {
            try (InputStream in = zip.getInputStream(zip.getEntry(DATABASE));
                 FileChannel out = FileChannel.open(createPrivate(file), StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(out));
                out.force(true);
            }
        }

        /**
         * Makes {@code folder} hold exactly the archive's material files: each written under its
         * key, then every other key's bytes deleted. Returns how many it holds.
         */
        public int extractMaterials(MaterialFolder folder) throws IOException {
            Set<String> kept = new HashSet<>();
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(MATERIALS)) {
                    String key = entry.getName().substring(MATERIALS.length());
                    try (InputStream in = zip.getInputStream(entry)) {
                        folder.keepAs(key, in);
                    }
                    kept.add(key);
                }
            }
            for (String key : folder.keys()) {
                if (!kept.contains(key)) {
                    folder.delete(key);
                }
            }
            return kept.size();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /**
     * Opens {@code archive} and checks that it is a backup this Chamada reads: its manifest, its
     * database, and no entry it does not know; throws {@link BackupRefusedException} saying what is wrong.
     */
    public static Contents open(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new BackupRefusedException(BackupText.NO_SUCH_ARCHIVE, archive);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw new BackupRefusedException(BackupText.NOT_AN_ARCHIVE, archive);
        }
        try {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null || zip.getEntry(DATABASE) == null) {
                throw new BackupRefusedException(BackupText.NOT_A_BACKUP, archive);
            }
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readTree(in);
            }
            if (!manifest.path("format").isInt()) {
                throw new BackupRefusedException(BackupText.NOT_A_BACKUP, archive);
            }
            if (manifest.path("format").asInt() != FORMAT) {
                throw new BackupRefusedException(BackupText.NEWER_FORMAT, archive, manifest.path("format").asText(),
                        manifest.path("server").asText("?"), FORMAT);
            }
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                boolean known = name.equals(MANIFEST) || name.equals(DATABASE)
                        || (name.startsWith(MATERIALS) && MaterialFolder.isKey(name.substring(MATERIALS.length())));
                if (!known) {
                    throw new BackupRefusedException(BackupText.UNKNOWN_ENTRY, archive, name);
                }
            }
            return new Contents(zip, OffsetDateTime.parse(manifest.path("taken_at").asText()),
                    manifest.path("server").asText(), manifest.path("materials").asInt());
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e instanceof BackupRefusedException refused ? refused
                    : new BackupRefusedException(BackupText.NOT_A_BACKUP, archive);
        }
    }

    /**
     * Creates {@code file}, which must not exist, readable and writable by its owner alone where the
     * file system has POSIX permissions: it holds every student's records and the teachers' password hashes.
     */
    public static Path createPrivate(Path file) throws IOException {
        return POSIX ? Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createFile(file);
    }

    /** A new folder in {@code parent} that only its owner may enter, for a stopped store's copy. */
    public static Path privateFolder(Path parent) throws IOException {
        return POSIX ? Files.createTempDirectory(parent, ".chamada-backup-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(parent, ".chamada-backup-");
    }

    /** Deletes {@code folder} and everything in it. */
    public static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A new SHA-256 digest, the archive's checksum. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
