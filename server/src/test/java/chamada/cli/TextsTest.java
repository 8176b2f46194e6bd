package chamada.cli;

import chamada.backup.BackupText;
import chamada.i18n.Bilingual;
import chamada.i18n.Lang;
import chamada.store.StoreProblem;
import chamada.teachers.TeachersFileProblem;
import chamada.net.TlsProblem;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    /**
     * Every enum of texts the CLI prints, its own and those of the teachers file, the store, the TLS
     * files, TLS, and backups and restores.
     */
    private static List<Bilingual> allTexts() {
        return Stream.of(Text.values(), TeacherText.values(), StudentText.values(), ServerCommandText.values(),
                        TeachersFileProblem.values(), StoreProblem.values(), TlsProblem.values(), InboxText.values(),
                        TlsText.values(), BackupText.values())
                .flatMap(Arrays::stream).map(Bilingual.class::cast).toList();
    }

    @Test
    void everyText_isNonBlankInBothLanguagesWithTheSamePlaceholders() {
        for (Bilingual text : allTexts()) {
            assertThat(text.en()).as("en of %s", text).isNotBlank();
            assertThat(text.pt()).as("pt of %s", text).isNotBlank();
            assertThat(placeholders(text.pt())).as("placeholders of %s", text).isEqualTo(placeholders(text.en()));
        }
    }

    @Test
    void usageHint_keepsItsQuotes() {
        assertThat(Text.USAGE_HINT.format(Lang.EN, "chamada teacher open")).isEqualTo("See 'chamada teacher open --help'.");
        assertThat(Text.USAGE_HINT.format(Lang.PT_BR, "chamada teacher open")).isEqualTo("Veja 'chamada teacher open --help'.");
    }

    private static SortedSet<String> placeholders(String pattern) {
        SortedSet<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
