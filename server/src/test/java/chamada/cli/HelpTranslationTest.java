package chamada.cli;

import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTranslationTest {

    private static final Terminal TERMINAL = CliRunner.silentTerminal();

    @Test
    void portugueseHelp_translatesEveryCommandOptionAndParameter() {
        CommandLine english = Main.commandLine(TERMINAL, "--lang", "en");
        CommandLine portuguese = Main.commandLine(TERMINAL, "--lang", "pt-BR");

        compare(english, portuguese);
    }

    @Test
    void portugueseHelp_hasNoUnusedKey() {
        // picocli reads the standard help options' texts from "help" and "version".
        Set<String> known = new HashSet<>(Set.of("usage.synopsisHeading", "usage.commandListHeading", "help", "version"));
        collectKeys(Main.commandLine(TERMINAL).getCommandSpec(), known);

        assertThat(Collections.list(new PortugueseHelp().getKeys())).allSatisfy(key -> assertThat(known).contains(key));
    }

    @Test
    void help_languageFromLangAnywhereElseFromTheTerminal() {
        assertThat(Help.requested(Lang.EN, "teacher", "--lang", "pt-BR", "open", "1")).isEqualTo(Lang.PT_BR);
        assertThat(Help.requested(Lang.EN, "--lang=pt", "--help")).isEqualTo(Lang.PT_BR);
        assertThat(Help.requested(Lang.PT_BR, "--help")).isEqualTo(Lang.PT_BR);
        assertThat(Help.requested(Lang.PT_BR, "--lang", "fr")).isEqualTo(Lang.PT_BR);
        assertThat(Help.requested(Lang.EN, "--", "--lang", "pt")).isEqualTo(Lang.EN);
    }

    @Test
    void help_portuguese_isPrinted() {
        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).run("teacher", "open", "--help");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("Abre a chamada de uma turma.").contains("Uso: chamada teacher open")
                .contains("Número da turma");
    }

    /** Every command, option and parameter of {@code english} has other words in {@code portuguese}. */
    static void compare(CommandLine english, CommandLine portuguese) {
        CommandSpec en = english.getCommandSpec();
        CommandSpec pt = portuguese.getCommandSpec();
        String command = en.qualifiedName();
        assertTranslated(command + " header", en.usageMessage().header(), pt.usageMessage().header());
        assertTranslated(command + " description", en.usageMessage().description(), pt.usageMessage().description());
        assertThat(pt.usageMessage().exitCodeList()).as(command + " exit codes")
                .isNotEqualTo(en.usageMessage().exitCodeList().isEmpty() ? null : en.usageMessage().exitCodeList());
        for (OptionSpec option : en.options()) {
            assertTranslated(command + " " + option.longestName(), option.description(),
                    pt.findOption(option.longestName()).description());
        }
        for (int i = 0; i < en.positionalParameters().size(); i++) {
            PositionalParamSpec param = en.positionalParameters().get(i);
            assertTranslated(command + " " + param.paramLabel(), param.description(),
                    pt.positionalParameters().get(i).description());
        }
        for (Map.Entry<String, CommandLine> sub : english.getSubcommands().entrySet()) {
            compare(sub.getValue(), portuguese.getSubcommands().get(sub.getKey()));
        }
    }

    private static void assertTranslated(String what, String[] english, String[] portuguese) {
        if (english.length > 0) {
            assertThat(Arrays.asList(portuguese)).as(what).isNotEmpty().isNotEqualTo(Arrays.asList(english));
        }
    }

    /** Adds to {@code keys} every key picocli may look up for {@code spec} and its subcommands. */
    static void collectKeys(CommandSpec spec, Set<String> keys) {
        String prefix = spec.qualifiedName(".") + ".";
        keys.add(prefix + "usage.header");
        keys.add(prefix + "usage.description");
        keys.add(prefix + "usage.exitCodeListHeading");
        IntStream.range(0, 10).forEach(i -> keys.add(prefix + "usage.exitCodeList." + i));
        for (ArgSpec arg : spec.args()) {
            String key = arg instanceof OptionSpec option && option.descriptionKey().isEmpty()
                    ? option.longestName().replaceFirst("^-+", "")
                    : arg.descriptionKey();
            keys.add(key);
            keys.add(prefix + key);
        }
        spec.subcommands().values().forEach(sub -> collectKeys(sub.getCommandSpec(), keys));
    }
}
