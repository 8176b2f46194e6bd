package chamada.server.legacy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copies of the seed's {@code teacher.py} and {@code student.py} under
 * {@code src/test/resources/seed} are the code printed in the seed document, with only the
 * one wrapped string literal joined back onto one line. Skipped where the seed document is
 * not next to the project ({@code ../shared/seeds}).
 */
class SeedFilesTest {

    private static final Path SEED = Path.of("..", "shared", "seeds", "000_048922968a88fdd5.txt");
    private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL);

    @Test
    void seedClientCopies_areThePrintedCode() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(SEED),
                "SKIPPED: the seed document " + SEED.toAbsolutePath().normalize() + " is not on this machine");
        List<String> blocks = new ArrayList<>();
        Matcher matcher = PYTHON_BLOCK.matcher(Files.readString(SEED, StandardCharsets.UTF_8));
        while (matcher.find()) {
            blocks.add(matcher.group(1).stripTrailing() + "\n");
        }
        String teacher = blocks.stream().filter(block -> block.contains("client_code = 'teacher'")).findFirst().orElseThrow();
        String student = blocks.stream().filter(block -> block.contains("client_code = 'student'")).findFirst().orElseThrow()
                .replace("input('Informe o número da matéria\n    em que deseja registrar presença: ')",
                        "input('Informe o número da matéria em que deseja registrar presença: ')");

        assertThat(Files.readString(SeedClient.resource("teacher.py"), StandardCharsets.UTF_8)).isEqualTo(teacher);
        assertThat(Files.readString(SeedClient.resource("student.py"), StandardCharsets.UTF_8)).isEqualTo(student);
    }
}
