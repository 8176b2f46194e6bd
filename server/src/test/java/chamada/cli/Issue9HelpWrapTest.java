package chamada.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression test for issue 9: help texts were arrays of lines broken by hand for one width, and
 * picocli prints each element on a line of its own, so {@code chamada bench --help} came out as
 * "... (or empties sets class:&lt;id&gt; on Redis)," then "then each of --connections ..." on
 * the next line, at any width; and the help was always 80 columns wide, whatever the terminal.
 * Every command's help, in both languages, is rendered as a terminal of {@code COLUMNS} columns
 * would get it (the tests' JVM has no console, so that is the width picocli falls back to).
 */
class Issue9HelpWrapTest {

    private static final List<Integer> WIDTHS = List.of(60, 80, 120);

    /** How a paragraph, or a line of a table that is not prose, may end. */
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.:!?]$");

    static Stream<Arguments> everyHelp() {
        return Stream.of("en", "pt-BR").flatMap(lang -> commands(Main.commandLine(CliRunner.silentTerminal(),
                "--lang", lang).getCommandSpec()).stream().map(command -> Arguments.of(lang, command)));
    }

    @ParameterizedTest(name = "chamada --lang {0} {1} --help")
    @MethodSource("everyHelp")
    void help_atTerminalWidth_noLineIsWider(String lang, List<String> command) {
        for (int width : WIDTHS) {
            assertFits(help(Main::commandLine, lang, command, width), width);
        }
    }

    @ParameterizedTest(name = "chamada --lang {0} {1} --help")
    @MethodSource("everyHelp")
    void help_atTerminalWidth_breaksASentenceOnlyWhereTheWidthForces(String lang, List<String> command) {
        for (int width : WIDTHS) {
            assertBrokenOnlyWhereTheWidthForces(help(Main::commandLine, lang, command, width), width);
        }
    }

    /** No line of {@code help} is wider than {@code width}; for the bench module's help too. */
    static void assertFits(String help, int width) {
        assertThat(help.lines()).as("at %d columns", width)
                .allSatisfy(line -> assertThat(line.stripTrailing()).hasSizeLessThanOrEqualTo(width));
    }

    /**
     * picocli wraps a paragraph only where its next word does not fit, so a sentence going on
     * (the next line starts with a small letter, this one does not end a sentence) on a line
     * below whose first word would have fit on this one was broken by hand. picocli counts the
     * space after a word as part of it: a word fits if it and a space after it do.
     */
    static void assertBrokenOnlyWhereTheWidthForces(String help, int width) {
        List<String> lines = help.lines().map(String::stripTrailing).toList();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i - 1);
            String next = lines.get(i).strip();
            boolean goesOn = !ENDS_SENTENCE.matcher(line).find() && !next.isEmpty()
                    && Character.isLowerCase(next.codePointAt(0));
            int firstWord = next.split(" ", 2)[0].length();
            assertThat(goesOn && line.length() + 1 + firstWord + 1 <= width)
                    .as("at %d columns, a sentence broken by hand:%n%s%n%s", width, line, lines.get(i)).isFalse();
        }
    }

    /** A header and an option's or parameter's text are one paragraph each, for picocli to wrap. */
    @ParameterizedTest(name = "--lang {0}")
    @ValueSource(strings = {"en", "pt-BR"})
    void help_headersAndArgumentTexts_areOneParagraphEach(String lang) {
        CommandSpec root = Main.commandLine(CliRunner.silentTerminal(), "--lang", lang).getCommandSpec();
        for (CommandSpec spec : specs(root)) {
            assertThat(spec.usageMessage().header()).as("%s header", spec.qualifiedName()).hasSizeLessThanOrEqualTo(1);
            for (ArgSpec arg : spec.args()) {
                assertThat(arg.description()).as("%s %s", spec.qualifiedName(), arg).hasSize(1);
            }
        }
    }

    /** Every command asks picocli for the terminal's width. */
    @ParameterizedTest(name = "--lang {0}")
    @ValueSource(strings = {"en", "pt-BR"})
    void commandLine_everyCommand_wrapsAtTheTerminalWidth(String lang) {
        CommandSpec root = Main.commandLine(CliRunner.silentTerminal(), "--lang", lang).getCommandSpec();

        assertThat(specs(root)).allSatisfy(spec -> assertThat(spec.usageMessage().autoWidth())
                .as(spec.qualifiedName()).isTrue());
    }

    /** Without a terminal to ask (the tests' JVM has none): {@code COLUMNS} if it makes sense, else 80. */
    @Test
    void commandLine_noTerminal_isColumnsWideElse80() {
        assertThat(widthWithColumns("100")).isEqualTo(100);
        assertThat(widthWithColumns("20")).as("picocli's narrowest").isEqualTo(55);
        assertThat(widthWithColumns("wide")).isEqualTo(80);
        assertThat(widthWithColumns("0")).isEqualTo(80);
        assertThat(widthWithColumns("100000")).isEqualTo(80);
    }

    private static int widthWithColumns(String columns) {
        Terminal silent = CliRunner.silentTerminal();
        Terminal terminal = new Terminal(silent.in(), Map.of("COLUMNS", columns), silent.secrets(), silent.defaultLang(),
                silent.stop());
        return Main.commandLine(terminal, "teacher", "open", "--help").getSubcommands().get("teacher")
                .getSubcommands().get("open").getUsageHelpWidth();
    }

    /** {@code chamada --lang LANG COMMAND... --help} of {@code program}, in a terminal {@code width} wide. */
    static String help(BiFunction<Terminal, String[], CommandLine> program, String lang, List<String> command,
                       int width) {
        List<String> args = new ArrayList<>(List.of("--lang", lang));
        args.addAll(command);
        args.add("--help");
        CliRunner.Result result = new CliRunner().program(program).env("COLUMNS", Integer.toString(width))
                .run(args.toArray(String[]::new));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        return result.out();
    }

    /** The words after {@code chamada} that name each command, {@code []} for {@code chamada} itself. */
    private static List<List<String>> commands(CommandSpec root) {
        return specs(root).stream().map(spec -> List.of(spec.qualifiedName(" ").split(" ")))
                .map(words -> words.subList(1, words.size())).toList();
    }

    private static List<CommandSpec> specs(CommandSpec spec) {
        List<CommandSpec> all = new ArrayList<>(List.of(spec));
        for (CommandLine sub : spec.subcommands().values()) {
            all.addAll(specs(sub.getCommandSpec()));
        }
        return all;
    }
}
