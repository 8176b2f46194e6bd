package chamada.roster;

import chamada.i18n.Lang;

import java.util.List;

/** A bad line of a roster file: its number (the header is line 1), what is wrong, and the values the text names. */
public record RosterLineProblem(int line, RosterProblem problem, List<String> args) {

    public RosterLineProblem {
        args = List.copyOf(args);
    }

    /** E.g. {@code line 7: "04x" is not a matrícula (1 to 20 digits)}. */
    public String message(Lang lang) {
        String where = lang == Lang.PT_BR ? "linha " : "line ";
        return where + line + ": " + problem.format(lang, args.toArray());
    }
}
