package chamada.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens JDBC connections to a Chamada SQLite file with the pragmas the store relies on.
 *
 * <p>The applier's pragmas keep the database as durable as the journal it is filled from:
 * WAL so that readers never wait for the applier, {@code synchronous=FULL} so that every
 * commit is fsynced before the journal segments it came from may be deleted
 * (never {@code NORMAL} or {@code OFF}: in WAL mode, {@code NORMAL} may lose the last
 * commits on power loss), foreign keys enforced, and a busy timeout in case another process
 * (a backup, the sqlite3 shell) holds a lock for a moment.
 */
final class Connections {

    /** How long a connection waits for a lock held by another connection before failing. */
    static final int BUSY_TIMEOUT_MILLIS = 5_000;

    /**
     * How long a direct write waits for SQLite's write lock, which the applier holds while it
     * catches up: longer than the applier's transactions, since such a write is rare and its
     * teacher or student may wait for it.
     */
    static final int DIRECT_BUSY_TIMEOUT_MILLIS = 30_000;

    private Connections() {
    }

    /** The one read-write connection, used only by the applier thread. */
    static Connection writer(Path file) throws SQLException {
        return writing().createConnection(url(file));
    }

    /**
     * The connection of the writes that skip the journal ({@link SqliteDirect}), a second
     * writer, whose transactions begin {@code IMMEDIATE}: with SQLite's write lock, so that what
     * they read is still true when they write.
     */
    static Connection direct(Path file) throws SQLException {
        SQLiteConfig config = writing();
        config.setBusyTimeout(DIRECT_BUSY_TIMEOUT_MILLIS);
        return config.createConnection(url(file));
    }

    /** Connections for Flyway, with the writer's pragmas, while the writer's own connection is open. */
    static DataSource migrating(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource(writing());
        dataSource.setUrl(url(file));
        return dataSource;
    }

    /** A read-only connection for one reader thread; WAL lets it read while the applier writes. */
    static Connection reader(Path file) throws SQLException {
        SQLiteConfig config = common();
        config.setReadOnly(true);
        return config.createConnection(url(file));
    }

    /**
     * The writers' pragmas. {@code secure_delete} zeros what a change removes from a page, so
     * that a forgotten student's matrícula does not linger in the file's free space.
     */
    private static SQLiteConfig writing() {
        SQLiteConfig config = common();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        return config;
    }

    private static SQLiteConfig common() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
