package chamada.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher script {@code ./chamada} and the CLI share one list of exit codes, which
 * {@code chamada --help} prints, and the place of the bench jar, which the server jar's
 * {@code chamada bench} names; {@code chamada test} installs the browser tests' Chromium before
 * it runs Maven. Running the launcher's "no JDK" path would need a machine without one, so this
 * checks the script's text instead.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("chamada");

    @Test
    void launcher_noJdk_exitsWithTheCodeTheHelpLists() throws IOException {
        String script = Files.readString(LAUNCHER, StandardCharsets.UTF_8);

        Matcher code = Pattern.compile("(?m)^no_jdk_exit=(\\d+)$").matcher(script);
        assertThat(code.find()).as("no_jdk_exit=N in %s", LAUNCHER).isTrue();
        assertThat(Integer.parseInt(code.group(1))).isEqualTo(ExitCodes.NO_JDK);
        assertThat(script).contains("exit \"$no_jdk_exit\"");
    }

    @Test
    void launcher_benchJar_isTheOneTheServerJarNames() throws IOException {
        String script = Files.readString(LAUNCHER, StandardCharsets.UTF_8);

        assertThat(script).contains("bench_jar=\"$root/" + BenchJarCommand.JAR + "\"");
    }

    @Test
    void launcher_test_installsTheBrowserBeforeMaven() throws IOException {
        String script = Files.readString(LAUNCHER, StandardCharsets.UTF_8);

        Matcher test = Pattern.compile("(?s)\n  test\\)\n(.*?)\n    ;;").matcher(script);
        assertThat(test.find()).as("a test) case in %s", LAUNCHER).isTrue();
        assertThat(test.group(1)).containsSubsequence(
                "\"$root/server/src/test/setup/install-browser\"\n", "exec \"$root/mvnw\"");
        assertThat(Files.isExecutable(Path.of("server/src/test/setup/install-browser"))).isTrue();
    }

    @Test
    void launcher_noJdkCode_isNoneOfTheCliCodes() {
        assertThat(ExitCodes.NO_JDK).isNotIn(ExitCodes.OK, ExitCodes.REFUSED, ExitCodes.USAGE, ExitCodes.UNREACHABLE,
                ExitCodes.LOCAL_FILE, ExitCodes.INTERNAL);
    }
}
