package chamada.backup;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.materials.MaterialFolder;
import chamada.materials.MaterialLimits;
import chamada.rollcall.Caller;
import chamada.rollcall.Outcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * <p>One backup at a time: each holds a reader of the store for its copy and needs room on the
 * disk the journal writes to, which it checks for before each step, keeping the uploads' reserve
 * free; a full disk would stop every check-in. All of it runs on a virtual thread of its own,
 * never on a caller's (an event loop's).
 */
public final class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final Executor FILES = task -> Thread.ofVirtual().name("chamada-backup").start(task);

    private final BackupStore store;
    private final MaterialFolder materials;
    private final Clock clock;
    private final String server;
    private final AtomicBoolean running = new AtomicBoolean();

    /** Backups of {@code store} and {@code materials}, stamped by {@code clock} and as written by Chamada {@code server}. */
    public BackupService(BackupStore store, MaterialFolder materials, Clock clock, String server) {
        this.store = store;
        this.materials = materials;
        this.clock = clock;
        this.server = server;
    }

    /**
     * A backup for {@code caller}, written in the materials folder's incoming area for the front to
     * send and delete; refused to anybody but an administrator, while another runs
     * ({@link ErrorCode#BACKUP_BUSY}), and when the server cannot write it ({@link ErrorCode#BACKUP_FAILED},
     * the reason in the log).
     */
    public CompletableFuture<Backup> take(Caller caller) {
        return Outcomes.asAdministrator(caller, administrator -> {
            if (!running.compareAndSet(false, true)) {
                return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.BACKUP_BUSY));
            }
            return write(materials.scratchPath(MaterialFolder.Scratch.BACKUP))
                    .whenComplete((backup, failure) -> {
                        running.set(false);
                        if (backup != null) {
                            log.info("Backup taken for {}: {} bytes, {} material files, the database as of {}",
                                    administrator, backup.size(), backup.materials(), backup.at());
                        }
                    })
                    .exceptionallyCompose(failure -> CompletableFuture.failedFuture(refusal(failure)));
        });
    }

    /** Writes a backup to {@code target}, which must not exist; fails with the store's or the disk's failure. */
    public CompletableFuture<Backup> write(Path target) {
        Map<String, FileChannel> open = new TreeMap<>();
        Path database = materials.scratchPath(MaterialFolder.Scratch.BACKUP);
        return CompletableFuture.supplyAsync(() -> {
            openMaterials(open);
            requireRoom(open, 0);
            return OffsetDateTime.now(clock);
        }, FILES).thenCompose(at -> store.copyDatabaseTo(database).thenApplyAsync(copied -> {
            try {
                openMaterials(open);
                requireRoom(open, Files.size(database));
                return BackupArchive.write(target, database, open, at, server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, FILES)).whenComplete((backup, failure) -> {
            closeAll(open);
            deleteQuietly(database);
        });
    }

    /** Opens each material file not open yet; one deleted between the listing and the open is not there to back up. */
    private void openMaterials(Map<String, FileChannel> open) {
        try {
            for (String key : materials.keys()) {
                if (!open.containsKey(key)) {
                    try {
                        open.put(key, materials.open(key));
                    } catch (NoSuchFileException gone) {
                        // Removed just now: the database copied after this no longer names it.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses, before writing, an archive the disk has no room for beside the uploads' reserve. */
    private void requireRoom(Map<String, FileChannel> open, long database) {
        try {
            long needed = database + MaterialLimits.DISK_RESERVE_BYTES;
            for (FileChannel channel : open.values()) {
                needed += channel.size();
            }
            if (materials.usableSpace() < needed) {
                throw new ChamadaException(ErrorCode.DISK_FULL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a person is told of a backup that failed; a failure that is no refusal is logged, with its cause. */
    private static ChamadaException refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ChamadaException refused) {
            return refused;
        }
        log.warn("A backup failed; nothing was kept", cause);
        return new ChamadaException(ErrorCode.BACKUP_FAILED);
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
            // A backup's scratch file; the next start removes it.
        }
    }
}
