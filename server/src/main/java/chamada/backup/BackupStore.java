package chamada.backup;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** What a backup needs of a store: a consistent copy of its database. */
public interface BackupStore {

    /**
     * Writes a copy of the database to {@code file}, which must not exist: one consistent moment of
     * it, holding every write acknowledged before this call. Fails with a refusal where the store
     * is backed up by other means (PostgreSQL's own tools).
     */
    CompletableFuture<Void> copyDatabaseTo(Path file);
}
