package chamada.server.legacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transcripts of the file-download port ({@code seeds/004}): the menu on connect, the index
 * the client sends, and the Python literal of {@code [name, lines]}, then the close.
 */
class LegacyFileTest {

    private static final String TITLE = "-- OPÇÕES ENCONTRADAS -- \n\n";
    private static final String QUESTION = "\nQual deles deseja baixar? ";

    @TempDir
    Path dir;

    private LegacyFixture server;

    @BeforeEach
    void start() {
        server = LegacyFixture.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawClient client() {
        return server.connect(LegacyPort.FILES);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(server.files.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void download_sendsMenuThenTheFileAsPythonLiteral_thenCloses() throws IOException {
        write("b.txt", "linha 1\nlinha 2");
        write("a.txt", "Aula de redes\n");
        try (RawClient client = client()) {
            client.expect(TITLE + "[0] a.txt\n[1] b.txt\n" + QUESTION);

            client.send("1");

            assertThat(client.readToEnd()).isEqualTo("['b.txt', ['linha 1\\n', 'linha 2']]");
        }
    }

    @Test
    void download_textNeedingEscapes_isExactlyPythonsRepr() throws IOException {
        write("it's.txt", "aspas ' e \"\r\n\tbarra \\ e presença\u0007\n");
        try (RawClient client = client()) {
            client.expect(TITLE + "[0] it's.txt\n" + QUESTION);

            client.send("0");

            assertThat(client.readToEnd())
                    .isEqualTo("[\"it's.txt\", ['aspas \\' e \"\\n', '\\tbarra \\\\ e presença\\x07\\n']]");
        }
    }

    @Test
    void menu_listsOnlyVisibleRegularFilesDirectlyInTheFolder_sorted() throws IOException {
        write("zeta.md", "z");
        write("Alfa.md", "A");
        write(".gitkeep", "");
        Files.createDirectories(server.files.resolve("sub"));
        Files.writeString(server.files.resolve("sub").resolve("inner.txt"), "x");
        Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(server.files.resolve("link.txt"), outside);
        try (RawClient client = client()) {
            client.expect(TITLE + "[0] Alfa.md\n[1] zeta.md\n" + QUESTION);
        }
    }

    @Test
    void menu_isListedPerConnection() throws IOException {
        try (RawClient before = client()) {
            before.expect(TITLE + QUESTION);
        }
        write("nova.txt", "n");
        try (RawClient after = client()) {
            after.expect(TITLE + "[0] nova.txt\n" + QUESTION);
        }
    }

    @Test
    void badIndex_getsATextAndTheConnectionCloses() throws IOException {
        write("a.txt", "a");
        write("b.txt", "b");
        for (String bad : new String[] {"2", "-1", "um", " "}) {
            try (RawClient client = client()) {
                client.expect(TITLE + "[0] a.txt\n[1] b.txt\n" + QUESTION);

                client.send(bad);

                assertThat(client.readToEnd()).isEqualTo("Opção inválida: \"" + bad.strip()
                        + "\". Escolha um número de 0 a 1. A conexão será encerrada.");
            }
        }
    }

    @Test
    void anyIndex_ofAnEmptyFolder_isRefused() {
        try (RawClient client = client()) {
            client.expect(TITLE + QUESTION);

            client.send("0");

            assertThat(client.readToEnd())
                    .isEqualTo("Opção inválida: \"0\". Não há arquivos para baixar. A conexão será encerrada.");
        }
    }

    @Test
    void indexSplitOverSegments_isOneIndex() throws IOException {
        StringBuilder menu = new StringBuilder(TITLE);
        for (int i = 0; i < 12; i++) {
            String name = String.format("f%02d.txt", i);
            write(name, "arquivo " + i);
            menu.append('[').append(i).append("] ").append(name).append('\n');
        }
        try (RawClient client = client()) {
            client.expect(menu + QUESTION);

            client.send("1").send("1");

            assertThat(client.readToEnd()).isEqualTo("['f11.txt', ['arquivo 11']]");
        }
    }

    @Test
    void indexWithNewline_asTypedInNc_isAccepted() throws IOException {
        write("a.txt", "a");
        try (RawClient client = client()) {
            client.expect(TITLE + "[0] a.txt\n" + QUESTION);

            client.send("0\n");

            assertThat(client.readToEnd()).isEqualTo("['a.txt', ['a']]");
        }
    }

    @Test
    void fileNotUtf8_getsATextAndTheConnectionCloses() throws IOException {
        Files.write(server.files.resolve("foto.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        try (RawClient client = client()) {
            client.expect(TITLE + "[0] foto.jpg\n" + QUESTION);

            client.send("0");

            assertThat(client.readToEnd())
                    .isEqualTo("O arquivo foto.jpg não é um texto UTF-8 e não pode ser enviado. A conexão será encerrada.");
        }
    }

    @Test
    void fileOverTheLimit_getsATextAndTheConnectionCloses() throws IOException {
        write("grande.txt", "a".repeat(FileFolder.MAX_FILE_BYTES + 1));
        try (RawClient client = client()) {
            client.expect(TITLE + "[0] grande.txt\n" + QUESTION);

            client.send("0");

            assertThat(client.readToEnd())
                    .isEqualTo("O arquivo grande.txt tem mais de 1048576 bytes e não pode ser enviado. A conexão será encerrada.");
        }
    }

    @Test
    void fileRemovedAfterTheMenu_getsATextAndTheConnectionCloses() throws IOException {
        write("a.txt", "a");
        try (RawClient client = client()) {
            client.expect(TITLE + "[0] a.txt\n" + QUESTION);
            Files.delete(server.files.resolve("a.txt"));

            client.send("0");

            assertThat(client.readToEnd()).isEqualTo("O arquivo a.txt não está mais disponível. A conexão será encerrada.");
        }
    }

    @Test
    void fileSwappedForALinkAfterTheMenu_isNotFollowed() throws IOException {
        write("a.txt", "a");
        Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
        try (RawClient client = client()) {
            client.expect(TITLE + "[0] a.txt\n" + QUESTION);
            Files.delete(server.files.resolve("a.txt"));
            Files.createSymbolicLink(server.files.resolve("a.txt"), outside);

            client.send("0");

            assertThat(client.readToEnd()).isEqualTo("O arquivo a.txt não está mais disponível. A conexão será encerrada.");
        }
    }
}
