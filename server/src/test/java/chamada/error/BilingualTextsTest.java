package chamada.error;

import chamada.i18n.Bilingual;
import chamada.protocol.CheckInSentences;
import chamada.i18n.Lang;
import chamada.application.ApplicationText;
import chamada.web.WebText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every server-side text exists in both languages, with the same placeholders in each. */
class BilingualTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    static Stream<Bilingual> texts() {
        return Stream.<Bilingual[]>of(ErrorCode.values(), Expected.values(), ApplicationText.values(), WebText.values(),
                        CheckInSentences.Text.values())
                .flatMap(Arrays::stream);
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
        Object[] args = {1010, "x", "y", "z", "w", "v", "u"};
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
