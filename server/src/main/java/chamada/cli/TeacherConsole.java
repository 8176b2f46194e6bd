package chamada.cli;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The interactive teacher screen, as in the seed's {@code teacher.py}: a banner, then a
 * class number opens that class's roll call and the same number again closes it and lists
 * who is present. Also {@code status N}, {@code open N}, {@code close N},
 * {@code history N} (or their Portuguese words) and {@code help}; an empty line,
 * {@code sair} or {@code quit} leaves.
 *
 * <p>Whether a number opens or closes is asked of the server ({@code status}) rather than
 * remembered, so a roll call left open by an earlier session, or a crashed terminal, is
 * closed by typing its number, and one opened by a colleague gets the server's clear
 * refusal. The classes this session opened and did not close are still listed on leaving,
 * so nobody walks away from an open roll call unawares.
 *
 * <p>Mistakes and refusals print a line and the screen goes on; only failing to reach the
 * server, or to log in, before the first prompt ends it, with that exit code. Without a
 * name, a server that requires a login is detected (its hello says it is not in open
 * mode) before the first prompt too.
 */
final class TeacherConsole {

    private static final Set<String> QUIT = Set.of("sair", "quit", "exit");
    private static final Set<String> HELP = Set.of("help", "ajuda", "?");

    private final Terminal terminal;
    private final Link link;
    private final Lang lang;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Optional<String> teacher;
    private final TeacherActions actions;
    private final SortedSet<ClassId> openedHere = new TreeSet<>();

    TeacherConsole(Terminal terminal, Link link, Lang lang, PrintWriter out, PrintWriter err, Optional<String> teacher) {
        this.terminal = terminal;
        this.link = link;
        this.lang = lang;
        this.out = out;
        this.err = err;
        this.teacher = teacher;
        this.actions = new TeacherActions(link, lang, out, err);
    }

    /** Runs the screen until the teacher leaves; returns the exit code. */
    int run() {
        link.connect();
        if (teacher.isEmpty() && !link.hello().openMode()) {
            // Say so now, not after the first class number typed.
            err.println(Text.AUTH_REQUIRED.format(lang));
            return ExitCodes.REFUSED;
        }
        String who = teacher.orElse(TeacherText.NO_LOGIN.format(lang));
        out.println(TeacherText.BANNER.format(lang, link.display(), who));
        while (true) {
            out.print(TeacherText.PROMPT.format(lang));
            out.flush();
            Optional<String> line = terminal.readLine();
            if (line.isEmpty()) {
                out.println();
                break;
            }
            String input = line.get().strip();
            if (input.isEmpty() || QUIT.contains(input.toLowerCase(Locale.ROOT))) {
                break;
            }
            handle(input);
            out.flush();
            err.flush();
        }
        if (!openedHere.isEmpty()) {
            String classes = openedHere.stream().map(ClassId::toString).collect(Collectors.joining(", "));
            out.println(TeacherText.STILL_OPEN.format(lang, classes));
        }
        out.println(TeacherText.BYE.format(lang));
        return ExitCodes.OK;
    }

    private void handle(String input) {
        String[] words = input.split("\\s+");
        try {
            boolean understood = switch (words.length) {
                case 1 -> single(words[0]);
                case 2 -> run(words[0].toLowerCase(Locale.ROOT), words[1]);
                default -> false;
            };
            if (!understood) {
                err.println(TeacherText.UNKNOWN_INPUT.format(lang, input));
            }
        } catch (ChamadaException e) {
            err.println(e.message(lang));
        } catch (CommandFailure e) {
            // The connection broke; the next command connects again.
            err.println(e.getMessage());
        }
    }

    /** Runs a one-word command: a class number or help; false if it is neither. */
    private boolean single(String word) {
        if (HELP.contains(word.toLowerCase(Locale.ROOT))) {
            out.println(TeacherText.HELP.format(lang));
            return true;
        }
        if (Character.isDigit(word.charAt(0))) {
            toggle(ClassId.parse(word));
            return true;
        }
        return false;
    }

    /** Runs {@code verb N}; false if the verb is unknown. */
    private boolean run(String verb, String classText) {
        switch (verb) {
            case "status", "situacao", "situação" -> actions.status(ClassId.parse(classText));
            case "open", "abrir" -> open(ClassId.parse(classText));
            case "close", "fechar", "encerrar" -> close(ClassId.parse(classText));
            case "history", "historico", "histórico" -> actions.history(ClassId.parse(classText));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void toggle(ClassId classId) {
        Response reply = link.call(c -> c.status(classId), true);
        if (reply instanceof Response.RollCallReply) {
            close(classId);
        } else if (reply instanceof Response.Failure failure
                && failure.code() == ErrorCode.NOT_OPEN) {
            open(classId);
        } else if (reply instanceof Response.Failure failure) {
            Refusals.print(err, lang, failure);
        } else {
            throw Refusals.unexpected(reply);
        }
    }

    private void open(ClassId classId) {
        if (actions.open(classId, Optional.empty(), false, Optional.empty()) == ExitCodes.OK) {
            openedHere.add(classId);
        }
    }

    private void close(ClassId classId) {
        if (actions.close(classId) == ExitCodes.OK) {
            openedHere.remove(classId);
        }
    }
}
