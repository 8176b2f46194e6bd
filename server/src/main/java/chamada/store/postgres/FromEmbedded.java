package chamada.store.postgres;

import chamada.store.SqliteRollCallStore;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Copies an embedded store (a SQLite file and its journal) into a PostgreSQL database, for a
 * school moving from one machine to several nodes ({@code chamada migrate}). The journal is
 * first applied to the file by opening the embedded store and closing it cleanly, so the file
 * holds every acknowledged write; then everything is copied in one PostgreSQL transaction,
 * roll-call ids and the session key included (teachers stay signed in, exports keep their ids),
 * and counted again on both sides.
 *
 * <p>Safe to run again: a database that already holds exactly what the file holds is left as
 * it is, and one that holds anything else is refused, with the counts of both.
 */
public final class FromEmbedded {

    /** What a store holds, as the copy counts it. */
    public record Counts(long rollCalls, long open, long checkIns, long replacements, long rosterStudents,
                         long statuses, long audit) {
    }

    /** How a copy ended. */
    public sealed interface Outcome {

        Counts counts();

        /** Copied, and counted the same in PostgreSQL afterwards. */
        record Copied(Counts counts) implements Outcome {
        }

        /** PostgreSQL held exactly this already: an earlier run copied it. Nothing was written. */
        record AlreadyThere(Counts counts) implements Outcome {
        }

        /** PostgreSQL holds other data; nothing was written. */
        record TargetNotEmpty(Counts counts, Counts target) implements Outcome {
        }

        /**
         * Chamada nodes run on the database ({@code nodes} of them); nothing was written. Each
         * holds the session key it read at its start, which the copy would replace: teachers
         * signed in on one node would be refused by the others until every node restarted.
         */
        record NodesRunning(Counts counts, int nodes) implements Outcome {
        }
    }

    private static final String[] COUNTS = {
            "SELECT COUNT(*) FROM roll_calls", "SELECT COUNT(*) FROM roll_calls WHERE closed_at IS NULL",
            "SELECT COUNT(*) FROM check_ins", "SELECT COUNT(*) FROM check_in_replacements", "SELECT COUNT(*) FROM roster",
            "SELECT COUNT(*) FROM statuses", "SELECT COUNT(*) FROM audit"};

    private FromEmbedded() {
    }

    /**
     * Copies the embedded store {@code file} into the database at {@code to}. Throws
     * {@link chamada.store.StoreUnavailableException} if either cannot be opened (the file in use
     * by a running server, PostgreSQL unreachable), and {@link SQLException} if the copy fails,
     * in which case PostgreSQL is left as it was.
     */
    public static Outcome copy(Path file, PostgresAddress to, Optional<String> password) throws SQLException {
        SqliteRollCallStore.open(file, ZoneId.systemDefault()).close(); // the journal into the file, the schema up to date
        PostgresStore.prepare(to, password); // the schema, and the session key's row
        try (Connection source = sqlite(file); Connection target = postgres(to, password)) {
            Counts counts = counts(source);
            target.setAutoCommit(false);
            try (Statement lock = target.createStatement()) {
                // No node writes while the copy decides and runs.
                lock.execute("LOCK TABLE roll_calls, check_ins, check_in_replacements, roll_call_counts, session_key,"
                        + " roster, statuses, audit, teachers, class_teachers, privacy_log, class_defaults, messages,"
                        + " class_inboxes, materials IN EXCLUSIVE MODE");
            }
            Counts before = counts(target);
            if (before.rollCalls() > 0 || before.replacements() > 0 || before.rosterStudents() > 0 || before.audit() > 0) {
                target.rollback();
                return before.equals(counts) ? new Outcome.AlreadyThere(counts) : new Outcome.TargetNotEmpty(counts, before);
            }
            int nodes = runningNodes(target);
            if (nodes > 0) {
                target.rollback();
                return new Outcome.NodesRunning(counts, nodes);
            }
            copyRows(source, target);
            target.commit();
            Counts after = counts(target);
            target.commit();
            if (!after.equals(counts)) {
                throw new SQLException("PostgreSQL counts " + after + " after the copy, the file " + counts);
            }
            return new Outcome.Copied(counts);
        }
    }

    /** The nodes listening for each other's events on the database: one session each (see {@link PostgresEvents}). */
    private static int runningNodes(Connection target) throws SQLException {
        try (PreparedStatement query = target.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name = ?")) {
            query.setString(1, PostgresEvents.APPLICATION_NAME);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void copyRows(Connection source, Connection target) throws SQLException {
        copy(source, target, """
                SELECT id, class_id, teacher, opened_at, closed_at, code_policy, code_secret, code_period_s,
                       code_grace_s, shared_devices, closed_by, accept_unknown, late_after_s FROM roll_calls ORDER BY id""", """
                INSERT INTO roll_calls (id, class_id, teacher, opened_at, closed_at, code_policy, code_secret,
                                        code_period_s, code_grace_s, shared_devices, closed_by, accept_unknown, late_after_s)
                OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", 13);
        copy(source, target, "SELECT roll_call_id, matricula, at, device FROM check_ins ORDER BY roll_call_id, seq",
                "INSERT INTO check_ins (roll_call_id, matricula, at, device) VALUES (?, ?, ?, ?)", 4);
        copy(source, target, """
                SELECT roll_call_id, device, replaced, by_matricula, at, device_first_at FROM check_in_replacements
                ORDER BY rowid""", """
                INSERT INTO check_in_replacements (roll_call_id, device, replaced, by_matricula, at, device_first_at)
                VALUES (?, ?, ?, ?, ?, ?)""", 6);
        copy(source, target, "SELECT class_id, matricula, name FROM roster ORDER BY class_id, matricula",
                "INSERT INTO roster (class_id, matricula, name) VALUES (?, ?, ?)", 3);
        copy(source, target, "SELECT roll_call_id, matricula, status, source FROM statuses ORDER BY roll_call_id, matricula",
                "INSERT INTO statuses (roll_call_id, matricula, status, source) VALUES (?, ?, ?, ?)", 4);
        copy(source, target, """
                SELECT id, at, teacher, class_id, roll_call_id, matricula, from_status, to_status, reason FROM audit
                ORDER BY id""", """
                INSERT INTO audit (id, at, teacher, class_id, roll_call_id, matricula, from_status, to_status, reason)
                OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", 9);
        // A node started with --teachers may have imported its file's accounts already: those stay as they are.
        copy(source, target, "SELECT name, password_hash, administrator, disabled, from_file FROM teachers ORDER BY name", """
                INSERT INTO teachers (name, password_hash, administrator, disabled, from_file) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING""", 5);
        copy(source, target, "SELECT class_id, teacher FROM class_teachers ORDER BY class_id, teacher",
                "INSERT INTO class_teachers (class_id, teacher) VALUES (?, ?) ON CONFLICT DO NOTHING", 2);
        copy(source, target, "SELECT class_id, late_after_s FROM class_defaults ORDER BY class_id",
                "INSERT INTO class_defaults (class_id, late_after_s) VALUES (?, ?)", 2);
        copy(source, target, "SELECT id, at, administrator, action, pseudonym FROM privacy_log ORDER BY id", """
                INSERT INTO privacy_log (id, at, administrator, action, pseudonym) OVERRIDING SYSTEM VALUE
                VALUES (?, ?, ?, ?, ?)""", 5);
        copy(source, target, "SELECT id, class_id, matricula, text, at, read_at FROM messages ORDER BY id", """
                INSERT INTO messages (id, class_id, matricula, text, at, read_at) OVERRIDING SYSTEM VALUE
                VALUES (?, ?, ?, ?, ?, ?)""", 6);
        copy(source, target, "SELECT id, class_id, name, size, sha256, file_key, published_at, published_by FROM materials"
                + " ORDER BY id", """
                INSERT INTO materials (id, class_id, name, size, sha256, file_key, published_at, published_by)
                OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", 8);
        // SQLite keeps the setting as 0 or 1, PostgreSQL as a boolean.
        copy(source, target, "SELECT class_id, anonymous, shown FROM class_inboxes ORDER BY class_id",
                "INSERT INTO class_inboxes (class_id, anonymous, shown) VALUES (?, ? <> 0, ?)", 3);
        copy(source, target, "SELECT key FROM session_key WHERE id = 1", "UPDATE session_key SET key = ? WHERE id = 1", 1);
        try (Statement statement = target.createStatement()) {
            statement.execute("""
                    INSERT INTO roll_call_counts (roll_call_id, present)
                    SELECT r.id, COUNT(c.matricula) FROM roll_calls r LEFT JOIN check_ins c ON c.roll_call_id = r.id
                    GROUP BY r.id""");
            // New roll calls, on any node, take ids after the copied ones.
            statement.execute("SELECT setval(pg_get_serial_sequence('roll_calls', 'id'), MAX(id)) FROM roll_calls"
                    + " HAVING MAX(id) IS NOT NULL");
            statement.execute("SELECT setval(pg_get_serial_sequence('audit', 'id'), MAX(id)) FROM audit"
                    + " HAVING MAX(id) IS NOT NULL");
            statement.execute("SELECT setval(pg_get_serial_sequence('privacy_log', 'id'), MAX(id)) FROM privacy_log"
                    + " HAVING MAX(id) IS NOT NULL");
            statement.execute("SELECT setval(pg_get_serial_sequence('messages', 'id'), MAX(id)) FROM messages"
                    + " HAVING MAX(id) IS NOT NULL");
            statement.execute("SELECT setval(pg_get_serial_sequence('materials', 'id'), MAX(id)) FROM materials"
                    + " HAVING MAX(id) IS NOT NULL");
            // Past the ids a retention purge deleted from the file too: none is given twice.
            for (String table : List.of("roll_calls", "audit", "messages", "materials")) {
                long purged = Math.max(highestPurged(source, table), highestAutoincrement(source, table));
                if (purged > 0) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), GREATEST(" + purged
                            + ", COALESCE(MAX(id), 0))) FROM " + table);
                }
            }
        }
    }

    /** The highest id a retention purge deleted from the file's {@code table}, or 0. */
    private static long highestPurged(Connection source, String table) throws SQLException {
        try (PreparedStatement query = source.prepareStatement("SELECT value FROM highest_ids WHERE name = ?")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /**
     * The highest id SQLite ever gave in {@code table}, an {@code AUTOINCREMENT} one, or 0: past
     * the rows a purge or a removal deleted (a question screen names a message by its id, which a
     * new message must never take).
     */
    private static long highestAutoincrement(Connection source, String table) throws SQLException {
        try (PreparedStatement query = source.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** Every row {@code select} gives, through {@code insert}, {@code columns} values each, in batches. */
    private static void copy(Connection source, Connection target, String select, String insert, int columns)
            throws SQLException {
        try (PreparedStatement read = source.prepareStatement(select); ResultSet rows = read.executeQuery();
             PreparedStatement write = target.prepareStatement(insert)) {
            int batched = 0;
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    write.setObject(column, rows.getObject(column));
                }
                write.addBatch();
                if (++batched % 1_000 == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
    }

    private static Counts counts(Connection connection) throws SQLException {
        long[] values = new long[COUNTS.length];
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < COUNTS.length; i++) {
                try (ResultSet row = statement.executeQuery(COUNTS[i])) {
                    row.next();
                    values[i] = row.getLong(1);
                }
            }
        }
        return new Counts(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }

    private static Connection sqlite(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    private static Connection postgres(PostgresAddress address, Optional<String> password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", address.user());
        password.ifPresent(value -> properties.setProperty("password", value));
        Connection connection = DriverManager.getConnection(address.jdbcUrl(), properties);
        try (Statement durable = connection.createStatement()) {
            // "Copied" must mean on disk, as for the nodes' own commits.
            durable.execute(PostgresStore.DURABLE_COMMITS);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
