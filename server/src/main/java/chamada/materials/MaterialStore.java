package chamada.materials;

import chamada.rollcall.ClassId;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the class materials' metadata is kept: the same store as the roll calls, so that every
 * node of a cluster lists the same files.
 *
 * <p>Contract (the store contract suite checks it for every store):
 * <ul>
 *   <li>{@link #publish} makes the material visible, durably, in one step with the removal of a
 *       material of the same name in the class, which it returns so its bytes may be deleted;
 *       unless the class's materials would then pass the class's limit, when nothing changes.
 *       Two publishes to one class at once take turns, so the limit holds.</li>
 *   <li>{@link #materials} lists one class's materials, by name; names are unique in a class.</li>
 *   <li>{@link #remove} takes one material off its class, and returns it.</li>
 * </ul>
 */
public interface MaterialStore {

    /** {@code classId}'s materials, sorted by name. */
    CompletableFuture<List<Material>> materials(ClassId classId);

    /** Publishes {@code material} (its id is the store's to give), unless the class would pass {@code classLimit} bytes. */
    CompletableFuture<PublishResult> publish(Material material, long classLimit);

    /** Takes {@code name} off {@code classId}; empty if the class had no such material. */
    CompletableFuture<Optional<Material>> remove(ClassId classId, MaterialName name);
}
