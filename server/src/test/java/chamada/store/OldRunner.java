package chamada.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a file as Chamada did before it used Flyway: its own {@code schema_version} table, one
 * row per migration, and the header's {@code application_id}; for the tests of the files that
 * schools already have.
 */
final class OldRunner {

    private OldRunner() {
    }

    /** Applies the bundled migrations 1 to {@code version} to the empty file behind {@code connection}. */
    static void write(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            statement.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    + " applied_at INTEGER NOT NULL)");
            for (int i = 1; i <= version; i++) {
                String fileName = Migrations.BUNDLED.get(i - 1);
                statement.executeUpdate(sql(fileName));
                statement.executeUpdate("INSERT INTO schema_version (version, name, applied_at) VALUES (" + i + ", '"
                        + fileName.substring(fileName.indexOf("__") + 2, fileName.length() - 4) + "', 0)");
            }
        }
    }

    private static String sql(String fileName) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + fileName)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
