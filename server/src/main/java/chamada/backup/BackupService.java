package chamada.backup;

import chamada.materials.MaterialFolder;
import chamada.rollcall.Caller;
import chamada.rollcall.Outcomes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Takes backups: the store's consistent copy of its database and the bytes of every material, in
 * one archive ({@link BackupArchive}). Through a running server only an administrator may (in
 * open mode, a caller on the server's machine): the archive holds every student's records.
 *
 * <p>Design note. Material bytes are never changed in place, only added under a new key or
 * deleted, so the race is a deletion. Every material's file is opened before the database is
 * copied, and an open file is read whole even once deleted; files that appear while the copy runs
 * are added after it. So each material the copied database names is in the archive, but one
 * published and removed again within the backup. Files no row names may come along; the server
 * ignores them.
 *
 * <p>The archive is written on a virtual thread of its own, never on a caller's.
 */
public final class BackupService {

    private static final Executor FILES = task -> Thread.ofVirtual().name("chamada-backup").start(task);

    private final BackupStore store;
    private final MaterialFolder materials;
    private final Clock clock;
    private final String server;

    /** Backups of {@code store} and {@code materials}, stamped by {@code clock} and as written by Chamada {@code server}. */
    public BackupService(BackupStore store, MaterialFolder materials, Clock clock, String server) {
        this.store = store;
        this.materials = materials;
        this.clock = clock;
        this.server = server;
    }

    /**
     * A backup for {@code caller}, written in the materials folder's incoming area for the front to
     * send and delete; refused to anybody but an administrator.
     */
    public CompletableFuture<Backup> take(Caller caller) {
        return Outcomes.asAdministrator(caller, administrator -> write(materials.scratchPath()));
    }

    /** Writes a backup to {@code target}, which must not exist; fails with the store's or the disk's failure. */
    public CompletableFuture<Backup> write(Path target) {
        Map<String, FileChannel> open = new TreeMap<>();
        Path database = materials.scratchPath();
        OffsetDateTime at;
        try {
            openMaterials(open);
            at = OffsetDateTime.now(clock);
        } catch (IOException | RuntimeException e) {
            closeAll(open);
            return CompletableFuture.failedFuture(e);
        }
        return store.copyDatabaseTo(database).thenApplyAsync(copied -> {
            try {
                openMaterials(open);
                return BackupArchive.write(target, database, open, at, server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, FILES).whenComplete((backup, failure) -> {
            closeAll(open);
            deleteQuietly(database);
        });
    }

    /** Opens each material file not open yet; one deleted between the listing and the open is not there to back up. */
    private void openMaterials(Map<String, FileChannel> open) throws IOException {
        for (String key : materials.keys()) {
            if (!open.containsKey(key)) {
                try {
                    open.put(key, materials.open(key));
                } catch (NoSuchFileException gone) {
                    // Removed just now: the database copied after this no longer names it.
                }
            }
        }
    }

    private static void closeAll(Map<String, FileChannel> open) {
        for (FileChannel channel : open.values()) {
            try {
                channel.close();
            } catch (IOException e) {
                // Read-only: nothing is lost by a failed close.
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // In the incoming area, removed with abandoned uploads within a day.
        }
    }
}
