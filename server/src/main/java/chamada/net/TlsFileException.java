package chamada.net;

import chamada.i18n.Lang;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A PEM file of {@code --tls-cert} or {@code --tls-key} that cannot be used as written: no
 * certificate, a key in a form the JDK does not read, a key that is not the certificate's. It
 * names the file.
 *
 * <p>An {@link IOException}, like {@code TeachersFileException}: whoever reads the files handles
 * a bad file where it handles an unreadable one. {@link #getMessage()} is English, for logs;
 * {@link #message(Lang)} is for a person.
 */
public final class TlsFileException extends IOException {

    private final TlsProblem problem;
    private final Path file;
    private final List<Object> details;

    TlsFileException(TlsProblem problem, Path file, Throwable cause, Object... details) {
        super(render(Lang.EN, problem, file, List.of(details)), cause);
        this.problem = problem;
        this.file = file;
        this.details = List.of(details);
    }

    public TlsProblem problem() {
        return problem;
    }

    /** The text a person reads, in {@code lang}. */
    public String message(Lang lang) {
        return render(lang, problem, file, details);
    }

    private static String render(Lang lang, TlsProblem problem, Path file, List<Object> details) {
        Object[] args = new Object[details.size() + 1];
        args[0] = file;
        for (int i = 0; i < details.size(); i++) {
            args[i + 1] = details.get(i);
        }
        return problem.format(lang, args);
    }
}
