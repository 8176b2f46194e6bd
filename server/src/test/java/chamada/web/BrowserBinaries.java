package chamada.web;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the Chromium and the ChromeDriver that browser tests run are. Selenium is given both
 * paths, so it never looks for, or downloads, a browser or a driver of its own.
 */
public record BrowserBinaries(Path chromium, Path chromedriver) {

    /** Debian's packages {@code chromium} and {@code chromium-driver}, which {@code ./chamada test} installs when it can. */
    public static final BrowserBinaries DEBIAN =
            new BrowserBinaries(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"));

    /**
     * Skips the calling test, or every test of the class when called before all, with one line
     * naming what is missing and how to install it, unless both are executable files.
     */
    void assumeInstalled() {
        List<String> missing = new ArrayList<>();
        for (Path binary : List.of(chromium, chromedriver)) {
            if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
                missing.add(binary.toString());
            }
        }
        Assumptions.assumeTrue(missing.isEmpty(), () -> "SKIPPED: browser tests need "
                + String.join(" and ", missing) + ", which this machine does not have; as root, run"
                + " server/src/test/setup/install-browser (or apt-get install chromium chromium-driver)");
    }
}
