package chamada.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A machine without Chromium or its driver skips browser tests in one line naming what is
 * missing, rather than failing them; and the fixture looks where the install script installs.
 * None of these tests needs a browser: the stand-ins are never started.
 */
class BrowserBinariesTest {

    @TempDir
    Path dir;

    @Test
    void start_withoutChromium_skipsNamingItAndHowToInstall() throws IOException {
        Path chromium = dir.resolve("chromium");
        Path driver = executable("chromedriver");

        assertThatThrownBy(() -> Browser.start(new BrowserBinaries(chromium, driver), WindowSize.PHONE))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(chromium.toString())
                .hasMessageNotContaining(driver.toString())
                .hasMessageContaining("server/src/test/setup/install-browser")
                .hasMessageNotContaining("\n");
    }

    @Test
    void start_withoutChromedriver_skipsNamingIt() throws IOException {
        Path chromium = executable("chromium");
        Path driver = dir.resolve("chromedriver");

        assertThatThrownBy(() -> Browser.start(new BrowserBinaries(chromium, driver), WindowSize.PHONE))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(driver.toString())
                .hasMessageNotContaining(chromium.toString());
    }

    @Test
    void start_withAChromiumFileNotExecutable_skipsNamingIt() throws IOException {
        Path chromium = Files.writeString(dir.resolve("chromium"), "");
        Path driver = executable("chromedriver");

        assertThatThrownBy(() -> Browser.start(new BrowserBinaries(chromium, driver), WindowSize.PHONE))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(chromium.toString());
    }

    @Test
    void installScript_installsWhereTheFixtureLooks() throws IOException {
        String script = Files.readString(Path.of("server/src/test/setup/install-browser"), StandardCharsets.UTF_8);

        assertThat(script).contains("chromium=" + BrowserBinaries.DEBIAN.chromium() + "\n",
                "driver=" + BrowserBinaries.DEBIAN.chromedriver() + "\n");
    }

    private Path executable(String name) throws IOException {
        return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
