package chamada.materials;

import chamada.rollcall.ClassId;

import java.util.Optional;

/** What the store made of a material to publish. */
public sealed interface PublishResult {

    /** Published; {@code replaced} is the file of the same name it took the place of, whose bytes may go. */
    record Published(Material material, Optional<Material> replaced) implements PublishResult {
    }

    /** The class's materials would pass {@code limit} bytes ({@code used} already); nothing changed. */
    record ClassFull(ClassId classId, long limit, long used) implements PublishResult {
    }
}
