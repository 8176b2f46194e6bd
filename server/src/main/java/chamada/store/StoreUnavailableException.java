package chamada.store;

import chamada.i18n.Lang;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A database the store cannot open: in use by another server, not a Chamada database,
 * from a newer Chamada, a file it cannot create or open, or a PostgreSQL server it cannot reach.
 * It names the database: the file, or PostgreSQL's address.
 *
 * <p>An {@link IllegalStateException}, as {@link SqliteRollCallStore#open} has always
 * thrown. {@link #getMessage()} is English, for logs; {@link #message(Lang)} is for a
 * person; the cause keeps the technical detail (SQLite's or the file system's words).
 */
public final class StoreUnavailableException extends IllegalStateException {

    private final StoreProblem problem;
    private final Object database;
    private final List<Object> details;

    /** {@code database} is what each {@link StoreProblem} text shows as {@code {0}}: a file's path, or a PostgreSQL address. */
    public StoreUnavailableException(StoreProblem problem, Object database, Throwable cause, Object... details) {
        super(render(Lang.EN, problem, database, List.of(details)), cause);
        this.problem = problem;
        this.database = database;
        this.details = List.of(details);
    }

    /** What SQLite refusing to open {@code file} means: not a database at all, or (anything else) cannot open. */
    static StoreUnavailableException opening(Path file, SQLException e) {
        boolean notADatabase = e instanceof SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xFF) == SQLiteErrorCode.SQLITE_NOTADB.code;
        return new StoreUnavailableException(notADatabase ? StoreProblem.NOT_A_DATABASE : StoreProblem.CANNOT_OPEN,
                file, e);
    }

    public StoreProblem problem() {
        return problem;
    }

    /** The text a person reads, in {@code lang}. */
    public String message(Lang lang) {
        return render(lang, problem, database, details);
    }

    private static String render(Lang lang, StoreProblem problem, Object database, List<Object> details) {
        Object[] args = new Object[details.size() + 1];
        args[0] = database;
        for (int i = 0; i < details.size(); i++) {
            args[i + 1] = details.get(i);
        }
        return problem.format(lang, args);
    }
}
