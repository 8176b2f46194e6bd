package chamada.cli;

import chamada.i18n.Lang;
import picocli.CommandLine;

import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Chooses the language of the usage help before parsing, since picocli renders help (and
 * reads its resource bundle) before any option has a value: a {@code --lang} anywhere on
 * the command line, else the terminal's language; and the width it wraps at.
 */
final class Help {

    /** picocli refuses a narrower usage width. */
    private static final int NARROWEST = 55;

    /** No window is wider: a bigger {@code COLUMNS} is a mistake, ignored like one that is not a number. */
    private static final int WIDEST = 1000;

    private Help() {
    }

    /**
     * Makes the usage help of {@code commandLine} and all its subcommands wrap at the width of the
     * terminal it is printed on.
     *
     * <p>With auto width, picocli asks the terminal ({@code stty -a -F /dev/tty}; {@code tput cols}
     * on macOS) when {@code System.console()} is a terminal, and only when it prints help, so other
     * commands start no process. A person typing {@code chamada server --help} thus gets their
     * window's width. When the help goes to a pipe or a file there is no terminal to ask: then
     * {@code $COLUMNS} if it is exported (as Python's {@code argparse} reads it), else picocli's
     * default of 80 columns. A numeric system property {@code picocli.usage.width}
     * (in {@code CHAMADA_JAVA_OPTS}) still overrides all of these: picocli's own rule.
     */
    static void fitWidth(CommandLine commandLine, Terminal terminal) {
        commandLine.setUsageHelpAutoWidth(true);
        terminal.env("COLUMNS").flatMap(Help::columns).ifPresent(commandLine::setUsageHelpWidth);
    }

    private static Optional<Integer> columns(String value) {
        try {
            int columns = Integer.parseInt(value.strip());
            return columns > 0 && columns <= WIDEST
                    ? Optional.of(Math.max(columns, NARROWEST))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Gives {@code commandLine} and all its subcommands the help texts of the language {@code args}
     * ask for: {@code portuguese}'s, or the English of the annotations.
     */
    static void localize(CommandLine commandLine, Lang defaultLang, Supplier<ResourceBundle> portuguese,
                         String... args) {
        if (requested(defaultLang, args) == Lang.PT_BR) {
            commandLine.setResourceBundle(portuguese.get());
        }
    }

    /** The language of {@code --lang X} or {@code --lang=X} in {@code args} (before any {@code --}), else {@code defaultLang}. */
    static Lang requested(Lang defaultLang, String... args) {
        List<String> words = List.of(args);
        Optional<Lang> found = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--")) {
                break;
            }
            if (word.equals("--lang") && i + 1 < words.size()) {
                found = Lang.parse(words.get(i + 1));
            } else if (word.startsWith("--lang=")) {
                found = Lang.parse(word.substring("--lang=".length()));
            }
        }
        return found.orElse(defaultLang);
    }
}
