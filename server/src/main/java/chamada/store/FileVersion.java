package chamada.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema version of a Chamada SQLite file, read with plain SQL, so that a file already up to
 * date opens without loading Flyway: the highest version Flyway applied ({@code byFlyway}), or,
 * in a file written before Chamada used Flyway, the highest in its own {@code schema_version}
 * table; 0 in a new, empty file.
 */
record FileVersion(int version, boolean byFlyway) {

    /**
     * The version of the file behind {@code connection}; refuses with a
     * {@link StoreUnavailableException} naming {@code file} if it is another program's database.
     */
    static FileVersion of(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int applicationId = single(statement, "PRAGMA application_id");
            if (applicationId == Migrations.APPLICATION_ID) {
                if (hasTable(statement, "flyway_schema_history")) {
                    return new FileVersion(single(statement, "SELECT COALESCE(MAX(CAST(version AS INTEGER)), 0)"
                            + " FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"), true);
                }
                if (hasTable(statement, "schema_version")) {
                    return new FileVersion(single(statement, "SELECT COALESCE(MAX(version), 0) FROM schema_version"),
                            false);
                }
                return new FileVersion(0, false);
            }
            int objects = single(statement, "SELECT COUNT(*) FROM sqlite_schema");
            if (applicationId != 0 || objects != 0) {
                throw new StoreUnavailableException(StoreProblem.NOT_CHAMADA, file, new IllegalStateException(
                        "SQLite application_id " + String.format("0x%08X", applicationId) + ", " + objects
                                + " schema objects"));
            }
            return new FileVersion(0, false);
        }
    }

    private static boolean hasTable(Statement statement, String name) throws SQLException {
        return single(statement, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + name + "'") > 0;
    }

    private static int single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getInt(1);
        }
    }
}
