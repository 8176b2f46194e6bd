package chamada.teachers;

import chamada.i18n.Lang;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A teachers file that cannot be used as written: a malformed line, or a name it already
 * holds. It names the file and the line.
 *
 * <p>An {@link IOException}, like {@link java.nio.charset.MalformedInputException}: whoever
 * reads the file handles a bad file where it handles an unreadable one. {@link #getMessage()}
 * is English, for logs; {@link #message(Lang)} is for a person.
 */
public final class TeachersFileException extends IOException {

    private final Path file;
    private final int line;
    private final TeachersFileProblem problem;
    private final List<Object> details;

    TeachersFileException(Path file, int line, TeachersFileProblem problem, Throwable cause, Object... details) {
        super(render(Lang.EN, file, line, problem, List.of(details)), cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
        this.details = List.of(details);
    }

    /** The 1-based number of the offending line. */
    public int line() {
        return line;
    }

    public TeachersFileProblem problem() {
        return problem;
    }

    /** The text a person reads, in {@code lang}. */
    public String message(Lang lang) {
        return render(lang, file, line, problem, details);
    }

    private static String render(Lang lang, Path file, int line, TeachersFileProblem problem, List<Object> details) {
        Object[] args = new Object[details.size() + 2];
        args[0] = file;
        args[1] = line;
        for (int i = 0; i < details.size(); i++) {
            args[i + 2] = details.get(i);
        }
        return problem.format(lang, args);
    }
}
