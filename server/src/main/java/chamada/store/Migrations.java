package chamada.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The versioned schema of a Chamada SQLite file and the code that brings a file up to date, with
 * Flyway, as the PostgreSQL store's: SQL files {@code db/migration/V<n>__<name>.sql} on the class
 * path, each applied once, in version order, in its own transaction together with its row in
 * {@code flyway_schema_history}, so a failed migration leaves the file at the previous version. A
 * migration must never be edited once released, only followed by a new one.
 *
 * <p>A file already at this build's version is recognised without Flyway ({@link FileVersion}),
 * which the server's start-up could not afford otherwise (docs/DECISIONS.md, "The PostgreSQL
 * store"). The files are listed in {@link #BUNDLED} for that, and a test checks the list against
 * the resource directory. A file written before Chamada used Flyway has its version in
 * {@code schema_version}; Flyway takes it from there ({@link FlywayMigration}).
 *
 * <p>A Chamada file carries SQLite's {@code application_id} header field set to
 * {@link #APPLICATION_ID}; a file without it is migrated only if it holds no schema at all, so
 * that another program's database is refused rather than altered.
 */
final class Migrations {

    /** "CHAM" in ASCII, stored in the database header before the first migration. */
    static final int APPLICATION_ID = 0x4348414D;

    /** The migrations shipped with this build, oldest first. */
    static final List<String> BUNDLED = List.of("V1__roll_calls.sql", "V2__journal.sql", "V3__session_key.sql",
            "V4__check_in_rules.sql", "V5__closed_by.sql", "V6__rosters.sql",
            "V7__statuses.sql", "V8__audit.sql", "V9__teachers.sql", "V10__privacy.sql",
            "V11__class_defaults.sql", "V12__retention.sql", "V13__purge_ids.sql", "V14__messages.sql",
            "V15__materials.sql", "V16__shown_question.sql");

    private static final String BUNDLED_LOCATION = "classpath:db/migration";
    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");

    private final String location;
    private final List<String> fileNames;

    /** The migrations {@code fileNames}, numbered 1, 2, 3, ... in that order, in Flyway's {@code location}. */
    Migrations(String location, List<String> fileNames) {
        for (int i = 0; i < fileNames.size(); i++) {
            var name = FILE_NAME.matcher(fileNames.get(i));
            if (!name.matches() || Integer.parseInt(name.group(1)) != i + 1) {
                throw new IllegalArgumentException("Migration files must be V1__name.sql, V2__name.sql, ... in order;"
                        + " found " + fileNames);
            }
        }
        this.location = location;
        this.fileNames = List.copyOf(fileNames);
    }

    /** The migrations shipped with this build. */
    static Migrations bundled() {
        return new Migrations(BUNDLED_LOCATION, BUNDLED);
    }

    /** The version a fully migrated file has. */
    int latest() {
        return fileNames.size();
    }

    /**
     * Brings the database behind {@code connection} (in auto-commit mode) up to {@link #latest},
     * or refuses with a {@link StoreUnavailableException} naming {@code file} if it is not a
     * Chamada database, is newer than this build, or a migration fails. Returns the version
     * found before.
     */
    int apply(Connection connection, Path file) throws SQLException {
        FileVersion found = FileVersion.of(connection, file);
        if (found.version() > latest()) {
            throw new StoreUnavailableException(StoreProblem.NEWER_SCHEMA, file, null, found.version(), latest());
        }
        if (found.version() == latest() && found.byFlyway()) {
            return found.version();
        }
        if (found.version() == 0) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
            }
        }
        try {
            FlywayMigration.run(file, location, found);
        } catch (RuntimeException e) {
            int reached;
            try {
                reached = FileVersion.of(connection, file).version();
            } catch (SQLException | RuntimeException reading) {
                e.addSuppressed(reading);
                reached = found.version();
            }
            String failed = reached < latest() ? fileNames.get(reached).replace(".sql", "") : "?";
            throw new StoreUnavailableException(StoreProblem.MIGRATION_FAILED, file, e, failed, reached);
        }
        return found.version();
    }
}
