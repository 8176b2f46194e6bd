package chamada.cli;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's Portuguese help, checked as {@link HelpTranslationTest} checks the server's. */
class BenchHelpTranslationTest {

    private static final Terminal TERMINAL = CliRunner.silentTerminal();

    @Test
    void benchPortugueseHelp_translatesEveryOption() {
        HelpTranslationTest.compare(BenchMain.commandLine(TERMINAL, "--lang", "en"),
                BenchMain.commandLine(TERMINAL, "--lang", "pt-BR"));
    }

    @Test
    void benchPortugueseHelp_hasNoUnusedKeyOfItsOwn() {
        Set<String> known = new HashSet<>();
        HelpTranslationTest.collectKeys(BenchMain.commandLine(TERMINAL).getCommandSpec(), known);

        assertThat(Collections.list(new BenchPortugueseHelp().getKeys()))
                .filteredOn(key -> key.startsWith("chamada.bench."))
                .isNotEmpty().allSatisfy(key -> assertThat(known).contains(key));
    }
}
