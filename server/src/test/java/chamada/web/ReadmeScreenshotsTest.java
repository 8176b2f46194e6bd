package chamada.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's pictures of the web pages: every screenshot it shows is a PNG committed under
 * {@code docs/screenshots/} (the browser tests write fresh ones to {@code server/target/screenshots/},
 * from which they are copied by hand when the pages change).
 */
class ReadmeScreenshotsTest {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^]]*]\\((docs/screenshots/[^)\\s]+)\\)");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void readme_everyScreenshotItShows_isAPngInDocs() throws IOException {
        Matcher images = IMAGE.matcher(Files.readString(Path.of("README.md")));
        List<String> shown = images.results().map(match -> match.group(1)).toList();

        assertThat(shown).as("screenshots in README.md").isNotEmpty();
        for (String path : shown) {
            Path file = Path.of(path);
            assertThat(file).as(path).isRegularFile();
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(in.readNBytes(PNG_SIGNATURE.length)).as(path).isEqualTo(PNG_SIGNATURE);
            }
        }
    }
}
