package chamada.cli;

import chamada.i18n.Lang;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's config file ({@code chamada server --config FILE}), as a person writes it: YAML,
 * one option of {@code chamada server} per line, its name without the dashes, and its value as it
 * would follow the flag; a repeatable option takes a list.
 *
 * <pre>
 * port: 7070
 * db: /var/lib/chamada/chamada.db
 * teachers: /etc/chamada/teachers.txt
 * legacy: true
 * allow-network: [10.0.0.0/8, 192.168.0.0/16]
 * </pre>
 *
 * <p>Read as a stream of tokens, each with its line, so that whatever is wrong is said where it
 * is; values are kept as the text written ({@code 08080} stays {@code 08080}), for the option's
 * own conversion to judge, as it judges a flag's.
 */
record ConfigFile(Path file, List<ConfigFile.Entry> entries) {

    private static final YAMLFactory YAML = new YAMLFactory();

    /** One option of the file: its name (no dashes), its values as written, the line it is on. */
    record Entry(String key, List<String> values, int line, boolean list) {
    }

    ConfigFile {
        entries = List.copyOf(entries);
    }

    /** Reads {@code file}; a file that cannot be read, or is not one option per line, ends the command, saying where. */
    static ConfigFile read(Path file, Lang lang) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.NOT_UTF8.format(lang, file), e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_READ_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
        try (JsonParser parser = YAML.createParser(text)) {
            return new ConfigFile(file, entries(parser, file, lang));
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            String problem = e.getOriginalMessage();
            // SnakeYAML's own account says where the problem is found, in one phrase, apart from its context.
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
                problem = marked.getProblem();
                line = marked.getProblemMark() == null ? line : marked.getProblemMark().getLine() + 1;
            }
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.SYNTAX.format(lang, file, line, problem), e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.SYNTAX.format(lang, file, 1, e.getMessage()), e);
        }
    }

    private static List<Entry> entries(JsonParser parser, Path file, Lang lang) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return List.of(); // an empty file, or comments only: the defaults
        }
        if (first != JsonToken.START_OBJECT) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.NOT_A_MAPPING.format(lang, file));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String key = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            Entry entry = entry(parser, key, line, file, lang);
            Entry earlier = entries.putIfAbsent(key, entry);
            if (earlier != null) {
                throw new CommandFailure(ExitCodes.USAGE, ConfigText.TWICE.format(lang, file, line, key, earlier.line()));
            }
        }
        // A second YAML document (after ---) would be options nobody reads: refused, as a typo would be.
        if (parser.nextToken() != null) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.ONE_DOCUMENT.format(lang, file,
                    parser.currentTokenLocation().getLineNr()));
        }
        return new ArrayList<>(entries.values());
    }

    private static Entry entry(JsonParser parser, String key, int line, Path file, Lang lang) throws IOException {
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_ARRAY) {
            List<String> values = new ArrayList<>();
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                values.add(scalar(parser, item, key, line, file, lang));
            }
            return new Entry(key, values, line, true);
        }
        return new Entry(key, List.of(scalar(parser, value, key, line, file, lang)), line, false);
    }

    private static String scalar(JsonParser parser, JsonToken token, String key, int line, Path file, Lang lang) {
        if (token == JsonToken.VALUE_NULL) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.NO_VALUE.format(lang, file, line, key));
        }
        if (token == null || !token.isScalarValue()) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.SECTION.format(lang, file, line, key));
        }
        try {
            return parser.getText();
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, ConfigText.SYNTAX.format(lang, file, line, e.getMessage()), e);
        }
    }
}
