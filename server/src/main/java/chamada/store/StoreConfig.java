package chamada.store;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Which store a server keeps its roll calls in, chosen by configuration: one closed set, so
 * adding a store is adding a case here, and the compiler finds every place that must learn it.
 */
public sealed interface StoreConfig {

    /** The embedded store for one machine: the SQLite file {@code database} and its journal beside it. */
    record Embedded(Path database) implements StoreConfig {
    }

    /** Opens the store; times are read back in {@code zone}. Throws {@link StoreUnavailableException} naming what failed. */
    default ChamadaStore open(ZoneId zone) {
        return switch (this) {
            case Embedded embedded -> SqliteRollCallStore.open(embedded.database(), zone);
        };
    }
}
