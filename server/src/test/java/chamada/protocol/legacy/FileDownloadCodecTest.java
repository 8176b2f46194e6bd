package chamada.protocol.legacy;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The menu, the index and the reply of the file-download seed. */
class FileDownloadCodecTest {

    private static final ObjectMapper ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @TempDir
    Path dir;

    @Test
    void menu_listsEachFileWithItsIndex() {
        assertThat(FileDownloadCodec.menu(List.of("a.txt", "notas de aula.md")))
                .isEqualTo("-- OPÇÕES ENCONTRADAS -- \n\n[0] a.txt\n[1] notas de aula.md\n\nQual deles deseja baixar? ");
    }

    @Test
    void menu_ofNoFiles_isTitleAndQuestion() {
        assertThat(FileDownloadCodec.menu(List.of())).isEqualTo("-- OPÇÕES ENCONTRADAS -- \n\n\nQual deles deseja baixar? ");
    }

    @Test
    void choice_digitsInRange_isChosen() {
        assertThat(FileDownloadCodec.choice("1", 2)).isEqualTo(new FileDownloadCodec.Choice.Chosen(1));
        assertThat(FileDownloadCodec.choice(" 0\n", 2)).isEqualTo(new FileDownloadCodec.Choice.Chosen(0));
    }

    @Test
    void choice_outOfRangeOrNotDigits_isRefusedNamingTheRange() {
        assertThat(refusal("2", 2)).isEqualTo("Opção inválida: \"2\". Escolha um número de 0 a 1. A conexão será encerrada.");
        assertThat(refusal("-1", 2)).startsWith("Opção inválida: \"-1\".");
        assertThat(refusal("um", 2)).startsWith("Opção inválida: \"um\".");
        assertThat(refusal("", 2)).startsWith("Opção inválida: \"\".");
        assertThat(refusal("99999999999", 2)).startsWith("Opção inválida: \"99999999999\".");
        assertThat(refusal("0", 0)).isEqualTo("Opção inválida: \"0\". Não há arquivos para baixar. A conexão será encerrada.");
    }

    private static String refusal(String text, int count) {
        return ((FileDownloadCodec.Choice.Refused) FileDownloadCodec.choice(text, count)).reply();
    }

    @Test
    void couldContinue_onlyWhileAnotherDigitCouldStillBeValid() {
        assertThat(FileDownloadCodec.couldContinue("1", 12)).isTrue();
        assertThat(FileDownloadCodec.couldContinue("1", 10)).isFalse();
        assertThat(FileDownloadCodec.couldContinue("2", 12)).isFalse();
        assertThat(FileDownloadCodec.couldContinue("0", 12)).isFalse();
        assertThat(FileDownloadCodec.couldContinue("1\n", 12)).isFalse();
        assertThat(FileDownloadCodec.couldContinue("", 12)).isFalse();
    }

    @Test
    void lines_keepTheirNewlines_andReadCrLfAndCrAsNewline() {
        assertThat(FileDownloadCodec.lines("a\nb\r\nc\rd")).containsExactly("a\n", "b\n", "c\n", "d");
        assertThat(FileDownloadCodec.lines("")).isEmpty();
        assertThat(FileDownloadCodec.lines("\n\n")).containsExactly("\n", "\n");
    }

    @Test
    void reply_isThePythonLiteralOfNameAndLines() {
        assertThat(FileDownloadCodec.reply("it's.txt", "linha 1\n\tlinha \"2\"\\\n"))
                .isEqualTo("[\"it's.txt\", ['linha 1\\n', '\\tlinha \"2\"\\\\\\n']]");
    }

    @Test
    void reply_matchesWhatTheSeedsServerSends() throws Exception {
        Python3.assumeAvailable();
        List<String> texts = List.of("", "uma linha", "a\nb\n", "crlf\r\nlinhas\r\n", "só \r cr", "aspas ' e \" e \\",
                "it's", "tab\there\u000b\u000c\u001c\u0085\u2028fim", "\ufeffbom", "último\n\n\n", "日本語 😀\n");
        for (int i = 0; i < texts.size(); i++) {
            Files.writeString(dir.resolve("f" + i), texts.get(i), StandardCharsets.UTF_8);
        }
        // The seed's server: str([temp, dados.readlines()]) of the file opened with 'r' (here as UTF-8).
        String program = "import json, sys\n"
                + "out = []\n"
                + "for i in range(int(sys.argv[1])):\n"
                + "    with open('f%d' % i, 'r', encoding='utf-8') as dados:\n"
                + "        out.append(str(['f%d' % i, dados.readlines()]))\n"
                + "print(json.dumps(out))\n";
        String[] python = ASCII_JSON.readValue(Python3.run(dir, program, "", Integer.toString(texts.size())), String[].class);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(FileDownloadCodec.reply("f" + i, texts.get(i))).as("file %d", i).isEqualTo(python[i]);
        }
    }
}
