package chamada.server.legacy;

import chamada.testing.DocSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every {@code legacy-session} example of PROTOCOL.md against the legacy roll-call port, so the documented bytes
 * cannot drift from the server's. Each block is a new connection on one server, in order;
 * {@code >} lines are sent as one segment without a newline, {@code <} lines are the exact
 * reply. Only the times may differ.
 */
class LegacyDocTest {

    private static final Pattern TIME = Pattern.compile("\\d{2}/\\d{2}/\\d{4} (às )?\\d{2}:\\d{2}(:\\d{2})?");

    @TempDir
    Path dir;

    @Test
    void everyLegacyExampleOfTheDocs_isWhatTheServerSays() throws IOException {
        int blocks = 0;
        for (Path doc : List.of(Path.of("PROTOCOL.md"))) {
            List<List<String>> sessions = DocSessions.of(Files.readString(doc), "legacy-session");
            blocks += sessions.size();
            try (LegacyFixture server = LegacyFixture.start(dir.resolve(doc.getFileName().toString()))) {
                for (List<String> session : sessions) {
                    replay(server, session);
                }
            }
        }
        assertThat(blocks).as("legacy-session blocks in PROTOCOL.md").isGreaterThan(2);
    }

    private static void replay(LegacyFixture server, List<String> session) {
        try (RawClient client = server.connect(LegacyPort.ROLL_CALL)) {
            for (String line : session) {
                String text = line.substring(2);
                if (line.startsWith("> ")) {
                    client.send(text);
                } else {
                    client.expectLike(text, TIME, "<time>");
                }
            }
        }
    }
}
