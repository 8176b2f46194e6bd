package chamada.server;

import chamada.store.ChamadaStore;
import chamada.store.SqliteRollCallStore;
import chamada.store.StoreUnavailableException;
import chamada.store.postgres.PostgresAddress;
import chamada.store.postgres.PostgresStore;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which store a server keeps its roll calls in, chosen by configuration: one closed set, so
 * adding a store is adding a case here, and the compiler finds every place that must learn it.
 * It lives with the server, the one place that builds a store, so that no store package depends
 * on another.
 */
public sealed interface StoreConfig {

    /** The embedded store for one machine: the SQLite file {@code database} and its journal beside it. */
    record Embedded(Path database) implements StoreConfig {
    }

    /** A PostgreSQL database that several nodes share, and the password to reach it, if it asks for one. */
    record Postgres(PostgresAddress address, Optional<String> password) implements StoreConfig {

        /** The address only: a configuration is logged and printed, a password never. */
        @Override
        public String toString() {
            return "Postgres[" + address + (password.isPresent() ? ", password given" : "") + "]";
        }
    }

    /** Opens the store; times are read back in {@code zone}. Throws {@link StoreUnavailableException} naming what failed. */
    default ChamadaStore open(ZoneId zone) {
        return switch (this) {
            case Embedded embedded -> SqliteRollCallStore.open(embedded.database(), zone);
            case Postgres postgres -> PostgresStore.open(postgres.address(), postgres.password(), zone);
        };
    }
}
