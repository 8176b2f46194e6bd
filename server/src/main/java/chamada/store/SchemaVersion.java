package chamada.store;

/**
 * The schema version this build brings a store to: the number of its migrations, the same for
 * SQLite ({@code db/migration}) and PostgreSQL ({@code db/postgresql}), whose files go in pairs.
 * A store at a higher version was written by a newer Chamada, and is refused rather than used
 * half-understood.
 */
public final class SchemaVersion {

    private SchemaVersion() {
    }

    public static int latest() {
        return Migrations.BUNDLED.size();
    }
}
