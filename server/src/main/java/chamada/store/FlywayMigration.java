package chamada.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.nio.file.Path;

/**
 * Flyway run on a Chamada SQLite file, in a class of its own so that Flyway's classes load only
 * when a file needs a migration ({@link Migrations}).
 */
final class FlywayMigration {

    private FlywayMigration() {
    }

    /**
     * Applies the migrations in {@code location} that {@code file}, found at {@code found}, lacks.
     * A file whose versions the old {@code schema_version} table kept gets Flyway's history
     * starting from that version, and only the newer migrations.
     */
    static void run(Path file, String location, FileVersion found) {
        // No pattern ignored: a file migrated by a newer Chamada is refused, not used half-understood.
        FluentConfiguration configuration = Flyway.configure().dataSource(Connections.migrating(file))
                .locations(location).ignoreMigrationPatterns(new String[0]).outputQueryResults(false);
        if (!found.byFlyway() && found.version() > 0) {
            configuration.baselineOnMigrate(true).baselineVersion(Integer.toString(found.version()))
                    .baselineDescription("schema_version " + found.version() + ", before Flyway");
        }
        configuration.load().migrate();
    }
}
