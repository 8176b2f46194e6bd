package chamada.server;

import chamada.materials.MaterialLimits;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the class materials' bytes live and how large they may be.
 *
 * @param folder the material folder ({@code --materials}); empty: {@code materials} beside the
 *               database file of the embedded store, or {@value #CLUSTER_DEFAULT} relative to the
 *               working directory on PostgreSQL, where every node must name one shared folder
 * @param limits the largest material and the most a class's materials may take
 */
public record MaterialsConfig(Optional<Path> folder, MaterialLimits limits) {

    public static final String CLUSTER_DEFAULT = "chamada-data/materials";

    public static MaterialsConfig defaults() {
        return new MaterialsConfig(Optional.empty(), MaterialLimits.defaults());
    }

    /** The folder for a server on {@code store}. */
    public Path folderFor(StoreConfig store) {
        return folder.orElseGet(() -> switch (store) {
            case StoreConfig.Embedded embedded -> {
                Path parent = embedded.database().toAbsolutePath().getParent();
                yield parent.resolve("materials");
            }
            case StoreConfig.Postgres postgres -> Path.of(CLUSTER_DEFAULT);
        });
    }
}
