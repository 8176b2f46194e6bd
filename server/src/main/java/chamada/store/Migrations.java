package chamada.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versioned schema of a Chamada database and the code that brings a file up to date.
 *
 * <p>Each migration is a SQL file {@code db/migration/V<n>__<name>.sql} on the class path,
 * applied once, in version order, in its own transaction together with its row in
 * {@code schema_version}, so a failed migration leaves the file at the previous version.
 * The files are listed in {@link #BUNDLED} rather than discovered, because a class-path
 * directory cannot be listed reliably inside a jar; a test checks the list against the
 * resource directory. A migration may hold several statements; it must never be edited
 * once released, only followed by a new one.
 *
 * <p>A Chamada file carries SQLite's {@code application_id} header field set to
 * {@link #APPLICATION_ID}; a file without it is migrated only if it holds no schema at all,
 * so that another program's database is refused rather than altered.
 */
final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    /** "CHAM" in ASCII, stored in the database header by the first migration. */
    static final int APPLICATION_ID = 0x4348414D;

    /** The migrations shipped with this build, oldest first. */
    static final List<String> BUNDLED = List.of("V1__roll_calls.sql", "V2__journal.sql", "V3__session_key.sql",
            "V4__check_in_rules.sql");

    private static final String RESOURCE_DIR = "/db/migration/";
    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");

    /** One schema version: its number, its name and its SQL. */
    record Migration(int version, String name, String sql) {
    }

    private final List<Migration> migrations;

    /** Migrations numbered 1, 2, 3, ... in that order. */
    Migrations(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("Migration versions must be 1, 2, 3, ... in order; found "
                        + migrations.stream().map(Migration::version).toList());
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    /** The migrations shipped with this build, read from the class path. */
    static Migrations bundled() {
        List<Migration> migrations = new ArrayList<>();
        for (String fileName : BUNDLED) {
            Matcher name = FILE_NAME.matcher(fileName);
            if (!name.matches()) {
                throw new IllegalStateException("Migration file name " + fileName + " does not match " + FILE_NAME);
            }
            migrations.add(new Migration(Integer.parseInt(name.group(1)), name.group(2), read(RESOURCE_DIR + fileName)));
        }
        return new Migrations(migrations);
    }

    /** The version a fully migrated file has. */
    int latest() {
        return migrations.size();
    }

    /**
     * Brings the database behind {@code connection} (in auto-commit mode) up to {@link #latest},
     * or refuses with a {@link StoreUnavailableException} naming {@code file} if it is not a
     * Chamada database, is newer than this build, or a migration fails. Returns the version
     * found before.
     */
    int apply(Connection connection, Path file) throws SQLException {
        int found = currentVersion(connection, file);
        if (found > latest()) {
            throw new StoreUnavailableException(StoreProblem.NEWER_SCHEMA, file, null, found, latest());
        }
        for (Migration migration : migrations.subList(found, migrations.size())) {
            applyOne(connection, migration, file);
        }
        return found;
    }

    private static int currentVersion(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int applicationId = single(statement, "PRAGMA application_id");
            if (applicationId == APPLICATION_ID) {
                return single(statement, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
            }
            int objects = single(statement, "SELECT COUNT(*) FROM sqlite_schema");
            if (applicationId != 0 || objects != 0) {
                throw new StoreUnavailableException(StoreProblem.NOT_CHAMADA, file, new IllegalStateException(
                        "SQLite application_id " + String.format("0x%08X", applicationId) + ", " + objects
                                + " schema objects"));
            }
            return 0;
        }
    }

    private static void applyOne(Connection connection, Migration migration, Path file) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
            statement.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version    INTEGER PRIMARY KEY,
                        name       TEXT    NOT NULL,
                        applied_at INTEGER NOT NULL
                    )""");
            statement.executeUpdate(migration.sql());
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, migration.version());
                record.setString(2, migration.name());
                record.setLong(3, System.currentTimeMillis());
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new StoreUnavailableException(StoreProblem.MIGRATION_FAILED, file, e,
                    "V" + migration.version() + "__" + migration.name(), migration.version() - 1);
        } finally {
            connection.setAutoCommit(true);
        }
        log.info("Applied schema migration V{}__{} to {}", migration.version(), migration.name(), file);
    }

    private static int single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration " + resource, e);
        }
    }
}
