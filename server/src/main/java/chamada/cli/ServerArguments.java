package chamada.cli;

import chamada.i18n.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of {@code chamada server --config FILE ...}, with the file's options put in as
 * the flags they stand for, before the command line is parsed: a flag given on the command line
 * is kept and the file's value of that option is not used, so flags override the file, a
 * repeatable option's whole list included. Each option taken from the file remembers its line
 * ({@link ConfigOrigin}). Other commands' arguments go through unchanged.
 */
final class ServerArguments {

    static final String SERVER = "server";
    static final String CONFIG = "--config";
    private static final String TRUE = "true";
    private static final String FALSE = "false";

    /** The arguments to parse, and where the file's options came from. */
    record Expanded(String[] args, ConfigOrigin origin) {
    }

    private ServerArguments() {
    }

    /** {@code args} with the config file's options in, if they start the server with one. */
    static Expanded expand(CommandLine top, Lang lang, String... args) {
        int server = List.of(args).indexOf(SERVER);
        CommandLine serverCommand = top.getSubcommands().get(SERVER);
        if (server < 0 || serverCommand == null) {
            return new Expanded(args, ConfigOrigin.NONE);
        }
        List<String> given = List.of(args).subList(server + 1, args.length);
        Optional<Path> file = configFile(given);
        if (file.isEmpty()) {
            return new Expanded(args, ConfigOrigin.NONE);
        }
        List<String> expanded = new ArrayList<>(List.of(args).subList(0, server + 1));
        Map<String, ConfigFile.Entry> origin = new HashMap<>();
        expanded.addAll(fromFile(serverCommand.getCommandSpec(), ConfigFile.read(file.get(), lang), given, origin, lang));
        expanded.addAll(given);
        return new Expanded(expanded.toArray(String[]::new), new ConfigOrigin(file, origin));
    }

    /** The file's options as flags, but for those {@code given} on the command line; notes each one's entry in {@code origin}. */
    static List<String> fromFile(CommandSpec server, ConfigFile config, List<String> given,
                                 Map<String, ConfigFile.Entry> origin, Lang lang) {
        Set<String> onCommandLine = onCommandLine(server, given);
        List<String> flags = new ArrayList<>();
        for (ConfigFile.Entry entry : config.entries()) {
            OptionSpec option = option(server, config.file(), entry, lang);
            if (onCommandLine.contains(option.longestName())) {
                continue;
            }
            origin.put(option.longestName(), entry);
            if (option.arity().max() == 0) {
                String value = entry.values().size() == 1 ? entry.values().getFirst().toLowerCase(Locale.ROOT) : "";
                if (entry.list() || !(value.equals(TRUE) || value.equals(FALSE))) {
                    throw new CommandFailure(ExitCodes.USAGE, ConfigText.FLAG.format(lang, config.file(), entry.line(),
                            entry.key(), String.join(", ", entry.values())));
                }
                if (value.equals(TRUE)) {
                    flags.add(option.longestName());
                }
                continue;
            }
            if (entry.list() && !option.isMultiValue()) {
                throw new CommandFailure(ExitCodes.USAGE, ConfigText.ONE_VALUE.format(lang, config.file(), entry.line(),
                        entry.key()));
            }
            // NAME=VALUE: a value that starts with a dash is still this option's, as the file meant.
            entry.values().forEach(value -> flags.add(option.longestName() + "=" + value));
        }
        return flags;
    }

    /** The option {@code entry} names, without its dashes; anything else ends the command, saying where. */
    private static OptionSpec option(CommandSpec server, Path file, ConfigFile.Entry entry, Lang lang) {
        if (("--" + entry.key()).equals(CONFIG)) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.NESTED_CONFIG.format(lang, file, entry.line()));
        }
        OptionSpec option = entry.key().startsWith("-") ? null : server.findOption("--" + entry.key());
        // --lang and --verbose belong to the whole command line (they come before "server"), not to the file.
        if (option == null || option.usageHelp() || option.versionHelp() || option.inherited()
                || !option.longestName().equals("--" + entry.key())) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.UNKNOWN_KEY.format(lang, file, entry.line(), entry.key(),
                    closest(server, entry.key()).map(name -> ConfigText.DID_YOU_MEAN.format(lang, name)).orElse("")));
        }
        return option;
    }

    /** The long names of the options {@code given} sets, as {@code --port}. */
    private static Set<String> onCommandLine(CommandSpec server, List<String> given) {
        Set<String> names = new HashSet<>();
        for (String word : given) {
            if (word.equals("--")) {
                break;
            }
            OptionSpec option = word.startsWith("-") ? server.findOption(word.split("=", 2)[0]) : null;
            if (option != null) {
                names.add(option.longestName());
            }
        }
        return names;
    }

    /** The file {@code --config FILE} (or {@code --config=FILE}) names among {@code given}, if any. */
    private static Optional<Path> configFile(List<String> given) {
        for (int i = 0; i < given.size() && !given.get(i).equals("--"); i++) {
            if (given.get(i).equals(CONFIG) && i + 1 < given.size()) {
                return Optional.of(Path.of(given.get(i + 1)));
            }
            if (given.get(i).startsWith(CONFIG + "=")) {
                return Optional.of(Path.of(given.get(i).substring(CONFIG.length() + 1)));
            }
        }
        return Optional.empty();
    }

    /** The option a mistyped {@code key} most likely meant, within two edits, without its dashes. */
    private static Optional<String> closest(CommandSpec server, String key) {
        return server.options().stream().filter(option -> !option.usageHelp() && !option.versionHelp() && !option.inherited())
                .map(option -> option.longestName().substring(2))
                .filter(name -> distance(name, key) <= 2)
                .min(Comparator.comparingInt(name -> distance(name, key)));
    }

    /** Levenshtein's edit distance: a typo's letters swapped, missing or extra. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
