package chamada.error;

import chamada.i18n.Bilingual;
import chamada.i18n.Lang;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of the server and the CLI exists in both languages, with the same placeholders in each. */
class BilingualTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static final Pattern TEXT_ENUM = Pattern.compile("enum (\\w+) implements Bilingual\\b");
    private static final Path SOURCES = Path.of("server", "src", "main", "java");

    /** Every enum of texts in the server's sources, found by reading them, so a new one is checked too. */
    static Stream<Bilingual> texts() throws IOException {
        List<Bilingual> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher declared = TEXT_ENUM.matcher(Files.readString(file));
                while (declared.find()) {
                    texts.addAll(Arrays.asList(textEnum(file, declared.group(1)).getEnumConstants()));
                }
            }
        }
        assertThat(texts).as("texts found under %s", SOURCES).contains(ErrorCode.values());
        return texts.stream();
    }

    /** The enum {@code name} declared in {@code file}: the file's class, or one nested in it. */
    private static Class<? extends Bilingual> textEnum(Path file, String name) {
        String outer = SOURCES.relativize(file).toString().replace(".java", "").replace('/', '.');
        String binary = outer.endsWith("." + name) ? outer : outer + "$" + name;
        try {
            return Class.forName(binary).asSubclass(Bilingual.class);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the text enum " + binary + " of " + file, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void text_inBothLanguages_isNotBlankAndHasTheSamePlaceholders(Bilingual text) {
        assertThat(text.en()).isNotBlank();
        assertThat(text.pt()).isNotBlank();
        assertThat(placeholders(text.pt())).isEqualTo(placeholders(text.en()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void text_formatted_leavesNoPlaceholderAndKeepsNumbersPlain(Bilingual text) {
        Object[] args = {1010, "x", "y", "z", "w", "v", "u", "t", "s", "r", "q", "p"};
        for (Lang lang : Lang.values()) {
            String formatted = text.format(lang, args);
            assertThat(formatted).doesNotContainPattern(PLACEHOLDER).doesNotContain("1.010").doesNotContain("1,010");
        }
    }

    private static TreeSet<String> placeholders(String pattern) {
        TreeSet<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
