package chamada.materials;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.rollcall.Caller;
import chamada.rollcall.ClassId;
import chamada.rollcall.ClassTeachers;
import chamada.rollcall.Outcomes;
import chamada.rollcall.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Who may publish and remove a class's materials, and what an upload is checked against, the same
 * for every front: a teacher of the class ({@link chamada.rollcall.ClassAccess}) publishes and
 * removes; anybody lists and downloads (students do not log in, as the seed's file server asked
 * nobody). An upload is refused before a byte is sent when it is larger than a file may be, would
 * not fit in the class's limit, or would fill the disk; it becomes visible only once whole, its
 * SHA-256 checked against what the teacher's client said, and the store has published it
 * ({@link MaterialStore}, which decides the class's limit for good).
 *
 * <p>File work (fsync, moves, opens) runs on virtual threads of its own, never on a caller's
 * event loop.
 */
public final class MaterialService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MaterialService.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final MaterialStore store;
    private final ClassTeachers classes;
    private final MaterialFolder folder;
    private final MaterialLimits limits;
    private final Clock clock;
    private final ExecutorService files = Executors.newVirtualThreadPerTaskExecutor();

    public MaterialService(MaterialStore store, ClassTeachers classes, MaterialFolder folder, MaterialLimits limits,
                           Clock clock) {
        this.store = store;
        this.classes = classes;
        this.folder = folder;
        this.limits = limits;
        this.clock = clock;
    }

    /** Whether {@code text} is a SHA-256 as the protocol writes it: 64 lowercase hex digits. */
    public static boolean isSha256(String text) {
        return SHA256.matcher(text).matches();
    }

    /** {@code classId}'s materials, sorted by name; anybody may list them. */
    public CompletableFuture<List<Material>> materials(ClassId classId) {
        return Outcomes.guarded(store.materials(classId));
    }

    /** The material {@code choice} names in {@code classId}; refused with {@link ErrorCode#UNKNOWN_MATERIAL}. */
    public CompletableFuture<Material> find(ClassId classId, MaterialChoice choice) {
        return materials(classId).thenApply(materials -> choice.in(materials).orElseThrow(() -> new ChamadaException(
                ErrorCode.UNKNOWN_MATERIAL, classId, switch (choice) {
                    case MaterialChoice.ByName byName -> byName.name().value();
                    case MaterialChoice.ByNumber byNumber -> Integer.toString(byNumber.number());
                })));
    }

    /** Opens {@code material}'s bytes; the caller reads them (from the channel, or by the path) and closes the channel. */
    public CompletableFuture<MaterialBytes> open(Material material) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new MaterialBytes(folder.open(material.key()), folder.pathOf(material.key()));
            } catch (IOException e) {
                // Removed or replaced since it was listed, or its file lost: either way, not there now.
                log.debug("Material {} of class {} could not be opened: {}", material.name(), material.classId(),
                        e.toString());
                throw new CompletionException(new ChamadaException(ErrorCode.UNKNOWN_MATERIAL, material.classId(),
                        material.name()));
            }
        }, files);
    }

    /**
     * Accepts an upload of {@code size} bytes to {@code classId} as {@code name}, from a teacher of
     * the class, unless it is too large for a file, for the class's room, or for the disk.
     */
    public CompletableFuture<Upload> begin(Caller caller, ClassId classId, MaterialName name, long size,
                                           Optional<String> sha256) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> {
            if (size > limits.maxFileBytes()) {
                throw new ChamadaException(ErrorCode.MATERIAL_TOO_LARGE, mebibytes(size), mebibytes(limits.maxFileBytes()));
            }
            return store.materials(classId).thenApplyAsync(materials -> {
                long used = materials.stream().filter(m -> !m.name().equals(name)).mapToLong(Material::size).sum();
                if (used + size > limits.maxClassBytes()) {
                    throw new ChamadaException(ErrorCode.CLASS_MATERIALS_FULL, classId, mebibytes(limits.maxClassBytes()),
                            mebibytes(limits.maxClassBytes() - used));
                }
                try {
                    if (folder.usableSpace() < size + MaterialLimits.DISK_RESERVE_BYTES) {
                        throw diskFull(classId, name, null);
                    }
                    return new Upload(classId, name, size, sha256, teacher.name(), folder.receive());
                } catch (IOException e) {
                    throw diskFull(classId, name, e);
                }
            }, files);
        });
    }

    /**
     * Finishes {@code upload}, whose bytes its front wrote: checks them against the size and the
     * SHA-256 announced (a front without one, the web's, has TCP's and TLS's checks), makes them durable, and publishes them, replacing a material of the same name.
     * Refused with {@link ErrorCode#UPLOAD_CORRUPT} or {@link ErrorCode#CLASS_MATERIALS_FULL}; in
     * every case but success, nothing of it is left.
     */
    public CompletableFuture<Material> finish(Upload upload) {
        return Outcomes.guarded(CompletableFuture.supplyAsync(() -> {
            try {
                String sha256 = upload.file().finish();
                if (upload.file().written() != upload.size() || !upload.sha256().orElse(sha256).equals(sha256)) {
                    throw new ChamadaException(ErrorCode.UPLOAD_CORRUPT, upload.name(), upload.sha256().orElse(sha256),
                            sha256);
                }
                return new Kept(folder.keep(upload.file()), sha256);
            } catch (IOException e) {
                throw diskFull(upload.classId(), upload.name(), e);
            }
        }, files).whenComplete((kept, failure) -> {
            if (failure != null) {
                upload.close();
            }
        }).thenCompose(kept -> {
            String key = kept.key();
            Material material = new Material(0, upload.classId(), upload.name(), upload.size(), kept.sha256(), key,
                    OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), upload.teacher());
            return store.publish(material, limits.maxClassBytes()).handle((result, failure) -> {
                if (!(result instanceof PublishResult.Published published)) {
                    if (!mayHaveCommitted(failure)) {
                        folder.delete(key); // refused or failed: published nowhere, so nobody will ever read it
                    }
                    if (failure != null) {
                        throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
                    }
                    PublishResult.ClassFull full = (PublishResult.ClassFull) result;
                    throw new ChamadaException(ErrorCode.CLASS_MATERIALS_FULL, full.classId(), mebibytes(full.limit()),
                            mebibytes(full.limit() - full.used()));
                }
                published.replaced().ifPresent(replaced -> folder.delete(replaced.key()));
                log.info("{} published {} ({} bytes) to class {}", upload.teacher(), upload.name(), upload.size(),
                        upload.classId());
                return published.material();
            });
        }));
    }

    /** A file made part of the folder, under {@code key}, whose bytes hash to {@code sha256}. */
    private record Kept(String key, String sha256) {
    }

    /** Whether {@code failure} is a commit whose reply was lost: its row may name the file, which must then stay. */
    private static boolean mayHaveCommitted(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof StoreFailure storeFailure && storeFailure.kind() == StoreFailure.Kind.OUTCOME_UNKNOWN;
    }

    /** Takes {@code name} off {@code classId}, for a teacher of the class; refused with {@link ErrorCode#UNKNOWN_MATERIAL}. */
    public CompletableFuture<Material> remove(Caller caller, ClassId classId, MaterialName name) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.remove(classId, name)
                .thenApply(removed -> {
                    Material material = removed.orElseThrow(() -> new ChamadaException(ErrorCode.UNKNOWN_MATERIAL,
                            classId, name));
                    folder.delete(material.key());
                    log.info("{} removed {} from class {}", teacher.name(), name, classId);
                    return material;
                }));
    }

    /** A file that could not be written: the disk full (the usual cause), or any other failure of the folder. */
    private ChamadaException diskFull(ClassId classId, MaterialName name, IOException cause) {
        log.error("The material {} for class {} could not be written to {}: {}", name, classId, folder.path(),
                cause == null ? "too little free space on the disk" : cause.toString());
        return new ChamadaException(cause == null || full() ? ErrorCode.DISK_FULL : ErrorCode.STORE_FAILED);
    }

    private boolean full() {
        try {
            return folder.usableSpace() < MaterialLimits.DISK_RESERVE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static long mebibytes(long bytes) {
        return (bytes + MaterialLimits.MIB - 1) / MaterialLimits.MIB;
    }

    @Override
    public void close() {
        files.shutdown();
    }
}
