package chamada.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import chamada.i18n.Lang;
import chamada.protocol.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code --log-file}, {@code --log-json} and {@code --log-level}: the server's log goes to the
 * file, one JSON object per line, with a line per request at debug that names no matrícula; the
 * logging there was before is back once the server stops.
 */
class LogOptionsTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void theLog_goesToItsFile_asJson_withALinePerRequestAtDebug() throws IOException {
        ch.qos.logback.classic.Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> before = appenders(root);
        ch.qos.logback.classic.Level levelBefore = root.getLevel();
        Path log = dir.resolve("log/chamada.log");

        CliRunner.Running server = new CliRunner().lang(Lang.EN).start("server", "--bind", "127.0.0.1", "--port", "0",
                "--http-port", "off", "--db", dir.resolve("chamada.db").toString(), "--log-file", log.toString(),
                "--log-json", "--log-level", "debug");
        await().atMost(Duration.ofSeconds(30)).until(() -> LISTENING.matcher(server.out()).find() || server.isDone());
        Matcher listening = LISTENING.matcher(server.out());
        assertThat(listening.find()).as(server.err()).isTrue();
        CliRunner.Result checkIn = new CliRunner().run("student", "checkin", "042191010", "1010", "--port",
                listening.group(1));
        server.stop();
        assertThat(server.result().exitCode()).isEqualTo(ExitCodes.OK);

        List<JsonNode> lines = Files.readAllLines(log).stream().map(LogOptionsTest::json).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.has("level") && line.has("formattedMessage")).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.get("formattedMessage").asText()).contains("listening on"));
        assertThat(lines).as(checkIn.err() + Files.readString(log)).filteredOn(line -> line.get("level").asText().equals("DEBUG")
                        && line.get("formattedMessage").asText().contains(" checkin: "))
                .singleElement().satisfies(line -> assertThat(line.get("formattedMessage").asText())
                        .isEqualTo("127.0.0.1 checkin: NOT_OPEN"));
        assertThat(Files.readString(log)).doesNotContain("042191010");
        assertThat(appenders(root)).as("the logging there was before").isEqualTo(before);
        assertThat(root.getLevel()).isEqualTo(levelBefore);
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("chamada").getLevel())
                .as("the server's loggers' level, as before: none of their own").isNull();
    }

    @Test
    void aLevelThatIsNone_isRefused_namingTheOption() {
        CliRunner.Result refused = new CliRunner().lang(Lang.PT_BR).run("server", "--port", "0", "--http-port", "off",
                "--db", dir.resolve("c.db").toString(), "--log-level", "verbose");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).isEqualTo("A opção --log-level recebe um de error, warn, info, debug, não verbose."
                + System.lineSeparator());
    }

    private static List<Appender<ILoggingEvent>> appenders(ch.qos.logback.classic.Logger root) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        return appenders;
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
