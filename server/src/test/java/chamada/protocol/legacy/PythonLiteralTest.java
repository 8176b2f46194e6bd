package chamada.protocol.legacy;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Python's repr() of str and str() of lists, checked by hand and against a real Python 3. */
class PythonLiteralTest {

    private static final ObjectMapper ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @TempDir
    Path dir;

    @Test
    void repr_plainText_usesSingleQuotes() {
        assertThat(PythonLiteral.repr("abc")).isEqualTo("'abc'");
        assertThat(PythonLiteral.repr("")).isEqualTo("''");
    }

    @Test
    void repr_singleQuoteWithoutDouble_usesDoubleQuotes() {
        assertThat(PythonLiteral.repr("it's")).isEqualTo("\"it's\"");
    }

    @Test
    void repr_bothQuotes_escapesTheSingleQuote() {
        assertThat(PythonLiteral.repr("it's \"x\"")).isEqualTo("'it\\'s \"x\"'");
        assertThat(PythonLiteral.repr("\"")).isEqualTo("'\"'");
    }

    @Test
    void repr_backslashAndControls_areEscaped() {
        assertThat(PythonLiteral.repr("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(PythonLiteral.repr("\t\n\r\0\u001b\u007f")).isEqualTo("'\\t\\n\\r\\x00\\x1b\\x7f'");
    }

    @Test
    void repr_printableNonAscii_isKeptAsIs() {
        assertThat(PythonLiteral.repr("presença às 19:05 日本 😀")).isEqualTo("'presença às 19:05 日本 😀'");
    }

    @Test
    void repr_nonPrintableNonAscii_isEscapedBySize() {
        assertThat(PythonLiteral.repr("\u0085\u00a0\u00ad")).isEqualTo("'\\x85\\xa0\\xad'");
        assertThat(PythonLiteral.repr("\u2028\u2029\u200b\ufeff\ue000")).isEqualTo("'\\u2028\\u2029\\u200b\\ufeff\\ue000'");
        assertThat(PythonLiteral.repr("\ud800")).isEqualTo("'\\ud800'");
        assertThat(PythonLiteral.repr(new String(Character.toChars(0xE0001)))).isEqualTo("'\\U000e0001'");
    }

    @Test
    void list_ofMatriculas_isPythonsListLiteral() {
        assertThat(PythonLiteral.list(List.of())).isEqualTo("[]");
        assertThat(PythonLiteral.list(List.of("10", "20", "30"))).isEqualTo("['10', '20', '30']");
    }

    @Test
    void list_nested_rendersEachLevel() {
        assertThat(PythonLiteral.list(List.of("a.txt", List.of("x\n", "y"))))
                .isEqualTo("['a.txt', ['x\\n', 'y']]");
    }

    @Test
    void list_ofOtherObjects_isRefused() {
        assertThatThrownBy(() -> PythonLiteral.list(List.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
    }

    @Test
    void reprAndList_onSeededRandomStrings_matchPython3() throws Exception {
        Python3.assumeAvailable();
        Random random = new Random(2026);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            strings.add(randomString(random));
        }

        String program = "import json, sys\n"
                + "items = json.load(sys.stdin)\n"
                + "print(json.dumps([repr(s) for s in items] + [str(items)]))\n";
        String[] python = ASCII_JSON.readValue(Python3.run(dir, program, ASCII_JSON.writeValueAsString(strings)),
                String[].class);

        for (int i = 0; i < strings.size(); i++) {
            assertThat(PythonLiteral.repr(strings.get(i)))
                    .as("repr of %s", ASCII_JSON.writeValueAsString(strings.get(i)))
                    .isEqualTo(python[i]);
        }
        assertThat(PythonLiteral.list(strings)).isEqualTo(python[strings.size()]);
    }

    /**
     * Characters from blocks whose Unicode categories are the same in every Unicode version
     * from Python 3.6's to this JVM's, so that the comparison tests our rules, not the tables.
     */
    private static String randomString(Random random) {
        int[][] ranges = {
                {0x00, 0x7f}, {0x00, 0x7f}, {0x00, 0x7f}, {'\'', '\''}, {'"', '"'}, {'\\', '\\'},
                {0x80, 0x24f}, {0x370, 0x3ff}, {0x2000, 0x206f}, {0x4e00, 0x9fa5}, {0xac00, 0xd7a3},
                {0xd800, 0xdfff}, {0xe000, 0xe0ff}, {0xfff0, 0xffff}, {0x1f600, 0x1f64f},
                {0xe0000, 0xe007f}, {0x10fff0, 0x10ffff}};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int[] range = ranges[random.nextInt(ranges.length)];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }
}
