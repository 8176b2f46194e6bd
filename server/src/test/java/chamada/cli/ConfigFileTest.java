package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server's config file: every option of {@code chamada server} through it, a flag given as
 * well overriding it, and whatever is wrong in it said with the file, the line and the key, by
 * {@code chamada config check} and by {@code chamada server --config} alike.
 */
class ConfigFileTest {

    private static final String NL = System.lineSeparator();
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("chamada.yaml"), text);
    }

    @Test
    void aFileWithOptionsOfEveryKind_isValid() throws IOException {
        Path config = file("""
                # A school's server
                bind: 127.0.0.1
                port: 7070
                db: %s
                zone: America/Sao_Paulo
                http-port: "off"
                legacy: true
                legacy-files-class: 1010
                code-policy: fixed
                allow-network: [10.0.0.0/8, 192.168.0.0/16]
                max-material-mb: 512
                retain-days: 365
                """.formatted(dir.resolve("chamada.db")));

        CliRunner.Result checked = new CliRunner().lang(Lang.EN).run("config", "check", config.toString());

        assertThat(checked.exitCode()).as(checked.err()).isEqualTo(ExitCodes.OK);
        assertThat(checked.out()).isEqualTo(config + " is a valid configuration of chamada server; options it sets: 11." + NL);
    }

    /** A value each option takes, where its default is none or would not tell a file's value from the default. */
    private static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("--allow-network", List.of("10.0.0.0/8", "192.168.0.0/16")),
            Map.entry("--trusted-proxy", List.of("127.0.0.1/32")),
            Map.entry("--bind", List.of("127.0.0.1")),
            Map.entry("--db", List.of("escola/chamada.db")),
            Map.entry("--db-password-file", List.of("senha.txt")),
            Map.entry("--teachers", List.of("professores.txt")),
            Map.entry("--tls-cert", List.of("cert.pem")),
            Map.entry("--tls-key", List.of("key.pem")),
            Map.entry("--materials", List.of("materiais")),
            Map.entry("--legacy-files", List.of("arquivos")),
            Map.entry("--legacy-files-class", List.of("1010")),
            Map.entry("--legacy-messages-class", List.of("2020")),
            Map.entry("--http-bind", List.of("127.0.0.1")),
            Map.entry("--legacy-bind", List.of("127.0.0.1")),
            Map.entry("--code-policy", List.of("rotating")),
            Map.entry("--zone", List.of("America/Manaus")),
            Map.entry("--http-port", List.of("off")),
            Map.entry("--log-file", List.of("log/chamada.log")),
            Map.entry("--log-level", List.of("debug")));

    /** Every option of chamada server: set by the file, it is what the same flag sets. */
    @Test
    void everyOption_throughTheFile_isWhatTheFlagMakesIt() throws Exception {
        CommandSpec server = Main.commandLine(CliRunner.silentTerminal(), "server").getSubcommands().get("server")
                .getCommandSpec();
        List<OptionSpec> options = server.options().stream().filter(option -> !option.usageHelp()
                && !option.versionHelp() && !option.inherited() && !option.longestName().equals(ServerArguments.CONFIG))
                .toList();
        StringBuilder yaml = new StringBuilder();
        List<String> flags = new ArrayList<>();
        for (OptionSpec option : options) {
            List<String> values = SAMPLES.containsKey(option.longestName()) ? SAMPLES.get(option.longestName())
                    : List.of(option.arity().max() == 0 ? "true" : numberAfterDefault(option));
            String key = option.longestName().substring(2);
            yaml.append(key).append(": ").append(option.isMultiValue() ? "[" + String.join(", ", values) + "]"
                    : values.getFirst()).append('\n');
            values.forEach(value -> flags.add(option.arity().max() == 0 ? option.longestName()
                    : option.longestName() + "=" + value));
        }
        Path config = file(yaml.toString());

        Map<String, Object> byFlags = parsed(flags);
        Map<String, Object> byFile = parsed(List.of(ServerArguments.CONFIG, config.toString()));

        assertThat(byFile).hasSize(options.size()).isEqualTo(byFlags);
    }

    /** A number option's default plus one: a value the file must have set, not the default left alone. */
    private static String numberAfterDefault(OptionSpec option) throws Exception {
        CommandLine.IDefaultValueProvider provider = option.command().defaultValueProvider();
        String defaultValue = option.defaultValue() != null || provider == null ? String.valueOf(option.defaultValue())
                : provider.defaultValue(option);
        try {
            return Long.toString(Long.parseLong(defaultValue) + 1);
        } catch (NumberFormatException e) {
            throw new AssertionError(option.longestName() + " needs a sample value in SAMPLES (its default: "
                    + defaultValue + ")", e);
        }
    }

    /** What each option of chamada server holds once {@code args} are parsed, the config file read in first. */
    private static Map<String, Object> parsed(List<String> args) {
        CommandLine top = Main.commandLine(CliRunner.silentTerminal(), "server");
        List<String> all = new ArrayList<>(List.of("server"));
        all.addAll(args);
        CommandLine.ParseResult result = top.parseArgs(ServerArguments.expand(top, Lang.EN, all.toArray(String[]::new))
                .args());
        Map<String, Object> values = new TreeMap<>();
        result.subcommand().commandSpec().options().stream().filter(option -> !option.usageHelp()
                        && !option.versionHelp() && !option.inherited() && !option.longestName().equals(ServerArguments.CONFIG))
                .forEach(option -> values.put(option.longestName(), String.valueOf((Object) option.getValue())));
        return values;
    }

    /** The example, its teachers file made where it says (the rest of it is what a check reads). */
    @Test
    void theExampleInDeploy_isValid() throws IOException {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        Path config = file(Files.readString(Path.of("deploy", "chamada.yaml"))
                .replace("/etc/chamada/teachers.txt", teachers.toString()));

        CliRunner.Result checked = new CliRunner().lang(Lang.EN).run("config", "check", config.toString());

        assertThat(checked.exitCode()).as(checked.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aTeachersFileThatCannotBeRead_isSaidWithItsLine_byACheckAndByAStart() throws IOException {
        Path config = file("teachers: nenhum/professores.txt\nhttp-port: \"off\"\ndb: %s\n".formatted(dir.resolve("c.db")));

        CliRunner.Result checked = new CliRunner().lang(Lang.EN).run("config", "check", config.toString());
        CliRunner.Result started = new CliRunner().lang(Lang.EN).run("server", "--config", config.toString(), "--port", "0");

        for (CliRunner.Result result : List.of(checked, started)) {
            assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
            assertThat(result.err()).startsWith(config + ", line 1, teachers: Could not read nenhum/professores.txt");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            port: 7070\\nprot: 7071                  | , line 2: prot is not an option of chamada server (did you mean port?); chamada server --help lists them.
            port: abc                                | , line 1, port: Invalid value for option '--port': 'abc' is not an int
            port: 70000                              | , line 1, port: Option --port must be from 0 to 65535; got 70000.
            max-material-mb: 0                       | , line 1, max-material-mb: Option --max-material-mb must be from 1 to
            allow-network: [10.0.0.0/8, 300.1.2.3/8] | , line 1, allow-network:
            zone: Marte/Olympus                      | , line 1, zone:
            legacy: maybe                            | , line 1: legacy is true or false, not maybe.
            port: [1, 2]                             | , line 1: port takes one value, not a list.
            port: 1\\nport: 2                        | , line 2: port is given twice (first on line 1).
            port:                                    | , line 1: port has no value.
            web:\\n  port: 80                        | , line 1: web takes a value, or a list of values, not a section of its own.
            config: other.yaml                       | , line 1: a config file cannot name another one.
            port: [1, 2                              | , line 2: this is not YAML the server can read (expected ',' or ']', but got <stream end>).
            - port                                   | : the file holds one server option per line, as name: value (port: 7070).
            port: 7070\\n---\\nprot: 8000             | , line 3: a config file holds one YAML document; this one goes on after its end.
            lang: pt-BR                              | , line 1: lang is not an option of chamada server; chamada server --help lists them.
            """)
    void aFileWithAMistake_isRefused_sayingTheFileTheLineAndTheKey(String text, String said) throws IOException {
        Path config = file(text.replace("\\n", "\n") + "\n");

        CliRunner.Result checked = new CliRunner().lang(Lang.EN).run("config", "check", config.toString());
        CliRunner.Result started = new CliRunner().lang(Lang.EN).run("server", "--config", config.toString(),
                "--http-port", "off", "--db", dir.resolve("c.db").toString());

        assertThat(checked.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(checked.err()).startsWith(config + said.strip());
        assertThat(started.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(started.err()).startsWith(config + said.strip());
    }

    @Test
    void aFileNotInUtf8_isSaidSo() throws IOException {
        Path config = Files.write(dir.resolve("chamada.yaml"), "zone: América/São_Paulo\n".getBytes(StandardCharsets.ISO_8859_1));

        CliRunner.Result checked = new CliRunner().lang(Lang.EN).run("config", "check", config.toString());

        assertThat(checked.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(checked.err()).isEqualTo(config + " is not UTF-8 text: save it as UTF-8 (an editor's \"UTF-8\""
                + " encoding)." + NL);
    }

    @Test
    void aMistake_isSaidInPortuguese_whenThatIsTheLanguage() throws IOException {
        Path config = file("prot: 7070\n");

        CliRunner.Result checked = new CliRunner().lang(Lang.PT_BR).run("config", "check", config.toString());

        assertThat(checked.err()).isEqualTo(config + ", linha 1: prot não é uma opção do chamada server (quis dizer"
                + " port?); chamada server --help as lista." + NL);
    }

    @Test
    void theServer_startsFromTheFile_andAFlagOverridesTheFilesValue() throws IOException {
        Path config = file("""
                bind: 127.0.0.1
                port: 70000
                http-port: "off"
                db: %s
                """.formatted(dir.resolve("chamada.db")));

        CliRunner.Running server = new CliRunner().lang(Lang.EN).start("server", "--config", config.toString(),
                "--port", "0");
        await().atMost(Duration.ofSeconds(30)).until(() -> LISTENING.matcher(server.out()).find() || server.isDone());
        Matcher listening = LISTENING.matcher(server.out());
        boolean started = listening.find();
        server.stop();

        assertThat(started).as(server.result().err()).isTrue();
        assertThat(server.result().exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(server.result().out()).contains("chamada.db");
    }
}
