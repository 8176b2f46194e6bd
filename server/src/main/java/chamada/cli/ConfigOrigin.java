package chamada.cli;

import chamada.i18n.Lang;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which of a server command's options came from its config file, and from which line: so that a
 * value the option refuses is said with the file, the line and the key it was written on.
 */
record ConfigOrigin(Optional<Path> file, Map<String, ConfigFile.Entry> byOption) {

    static final ConfigOrigin NONE = new ConfigOrigin(Optional.empty(), Map.of());

    ConfigOrigin {
        byOption = Map.copyOf(byOption);
    }

    /** What {@code failure} says, with where the file gave the option it is about, if it did. */
    String describe(CommandFailure failure, Lang lang) {
        return failure.option().map(option -> describe(option, failure.getMessage(), lang)).orElse(failure.getMessage());
    }

    /** {@code message} about {@code option} (as {@code --port}), with where the file gave it if it did. */
    String describe(String option, String message, Lang lang) {
        ConfigFile.Entry entry = byOption.get(option);
        if (entry == null || file.isEmpty()) {
            return message;
        }
        return ConfigText.AT.format(lang, file.get(), entry.line(), entry.key(), message);
    }
}
