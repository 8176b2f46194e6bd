package chamada.cli;

import chamada.error.ChamadaException;
import chamada.i18n.Lang;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The interactive student screen, as in the seed's {@code student.py}: asks a matrícula,
 * then a class, checks in, and asks again, for many students sharing one terminal. An
 * empty matrícula, {@code sair}, {@code quit} or end of input leaves.
 *
 * <p>After a successful check-in the class is offered as the default ({@code [Enter = 1010]}),
 * since the next student is usually in the same class. An empty class line with no
 * default goes back to the matrícula; a bad matrícula or class is explained and asked
 * again. Refusals and a lost connection print a line and the screen goes on (the next
 * check-in connects again); only failing to reach the server before the first prompt
 * ends it, with {@link ExitCodes#UNREACHABLE}.
 */
final class StudentConsole {

    private static final Set<String> QUIT = Set.of("sair", "quit", "exit");

    private final Terminal terminal;
    private final Link link;
    private final Lang lang;
    private final PrintWriter out;
    private final PrintWriter err;
    private final StudentActions actions;
    private Optional<ClassId> lastClass = Optional.empty();
    private boolean inputEnded;

    StudentConsole(Terminal terminal, Link link, Lang lang, PrintWriter out, PrintWriter err) {
        this.terminal = terminal;
        this.link = link;
        this.lang = lang;
        this.out = out;
        this.err = err;
        this.actions = new StudentActions(link, lang, out, err);
    }

    /** Runs the screen until input ends or someone leaves; returns the exit code. */
    int run() {
        link.connect();
        out.println(StudentText.BANNER.format(lang, link.display()));
        while (true) {
            Optional<String> matriculaLine = ask(StudentText.ASK_MATRICULA.format(lang));
            if (matriculaLine.isEmpty() || matriculaLine.get().isEmpty()
                    || QUIT.contains(matriculaLine.get().toLowerCase(Locale.ROOT))) {
                break;
            }
            Matricula matricula;
            try {
                matricula = new Matricula(matriculaLine.get());
            } catch (ChamadaException e) {
                err.println(e.message(lang));
                continue;
            }
            Optional<ClassId> classId = askClass();
            if (inputEnded) {
                break;
            }
            classId.ifPresent(c -> checkIn(matricula, c));
        }
        return ExitCodes.OK;
    }

    /** Asks the class until it is valid; empty at end of input, or when the line was blank and there is no default. */
    private Optional<ClassId> askClass() {
        while (true) {
            String prompt = lastClass.map(c -> StudentText.ASK_CLASS_AGAIN.format(lang, c))
                    .orElseGet(() -> StudentText.ASK_CLASS.format(lang));
            Optional<String> line = ask(prompt);
            if (line.isEmpty()) {
                return Optional.empty();
            }
            if (line.get().isEmpty()) {
                return lastClass;
            }
            try {
                return Optional.of(ClassId.parse(line.get()));
            } catch (ChamadaException e) {
                err.println(e.message(lang));
            }
        }
    }

    private void checkIn(Matricula matricula, ClassId classId) {
        try {
            if (actions.checkIn(matricula, classId, Optional.empty()) == ExitCodes.OK) {
                lastClass = Optional.of(classId);
            }
        } catch (CommandFailure e) {
            err.println(e.getMessage());
        }
    }

    /** Prints the prompt and reads a stripped line; empty at end of input. */
    private Optional<String> ask(String prompt) {
        err.flush();
        out.print(prompt);
        out.flush();
        Optional<String> line = terminal.readLine().map(String::strip);
        if (line.isEmpty()) {
            inputEnded = true;
            out.println();
        }
        return line;
    }
}
