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
 * the command line, else the terminal's language.
 */
final class Help {

    private Help() {
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
