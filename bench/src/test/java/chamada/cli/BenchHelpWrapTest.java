package chamada.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/**
 * Regression test for issue 9 on the bench's own help: {@code chamada bench --help}, the
 * issue's example of a description broken by hand mid-sentence, wraps at the terminal's width
 * in both languages (the checks are {@link Issue9HelpWrapTest}'s).
 */
class BenchHelpWrapTest {

    @ParameterizedTest(name = "chamada --lang {0} bench --help")
    @ValueSource(strings = {"en", "pt-BR"})
    void benchHelp_atTerminalWidth_fitsAndBreaksSentencesOnlyWhereTheWidthForces(String lang) {
        for (int width : List.of(60, 80, 120)) {
            String help = Issue9HelpWrapTest.help(BenchMain::commandLine, lang, List.of("bench"), width);

            Issue9HelpWrapTest.assertFits(help, width);
            Issue9HelpWrapTest.assertBrokenOnlyWhereTheWidthForces(help, width);
        }
    }
}
