package chamada.cli;

import chamada.i18n.Lang;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the server's config file (issue 16, RELIABILITY.md "Fuzzing"): the input is the file's
 * bytes, which {@link ConfigCommand#parse} reads (YAML, through Jackson and SnakeYAML) and turns
 * into {@code chamada server}'s options, as {@code chamada config check} and {@code chamada server
 * --config} do. The only outcomes allowed are the options, or a usage refusal (a
 * {@link CommandFailure} with {@link ExitCodes#USAGE} and one line saying what is wrong, in both
 * languages); anything else is a crash, which the command would report as an internal error.
 *
 * <p>The options are parsed, not checked: the check resolves the bind address and reads the
 * files the options name, which a fuzzer must not send to the network or the disk.
 */
class ConfigFileFuzzTest {

    private static Path folder;
    private static Path file;

    @BeforeAll
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("config-fuzz");
        file = folder.resolve("chamada.yaml");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(folder);
    }

    @FuzzTest
    void fileBytes_becomeOptionsOrUsageRefusals(byte[] bytes) throws IOException {
        Files.write(file, bytes);
        // One language per input, by its length: a command line per input is the slow part.
        Lang lang = Lang.values()[bytes.length % Lang.values().length];
        try {
            ConfigCommand.Parsed parsed = ConfigCommand.parse(file, CliRunner.silentTerminal(), lang);
            assertThat(parsed.options()).isNotNegative();
        } catch (CommandFailure refused) {
            assertThat(refused.exitCode()).as(refused.getMessage()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
