package chamada.server.legacy;

import chamada.client.ChamadaClient;
import chamada.materials.MaterialName;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file-download port with {@code --legacy-files-class}: the seed's menu lists the class's
 * materials, by the same names and in the same order as {@code chamada student files}, and sends
 * a text material as the seed's literal; the folder's own files are not offered.
 */
class LegacyMaterialFilesTest {

    private static final String TITLE = "-- OPÇÕES ENCONTRADAS -- \n\n";
    private static final String QUESTION = "\nQual deles deseja baixar? ";
    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    private LegacyFixture server;
    private ChamadaClient teacher;

    @BeforeEach
    void start() throws Exception {
        server = LegacyFixture.start(dir, config -> config.withLegacy(config.legacy().orElseThrow().withFilesClass(CLASS)));
        teacher = server.nativeClient();
        Files.writeString(server.files.resolve("da-pasta.txt"), "não oferecido", StandardCharsets.UTF_8);
        publish("roteiro.txt", "Aula 3\nsockets\n".getBytes(StandardCharsets.UTF_8));
        publish("foto.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
    }

    @AfterEach
    void stop() {
        teacher.close();
        server.close();
    }

    private void publish(String name, byte[] bytes) throws NoSuchAlgorithmException {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        as(teacher.upload(CLASS, new MaterialName(name), bytes.length, sha256, new ByteArrayInputStream(bytes),
                sent -> { }), Response.Uploaded.class);
    }

    @Test
    void menu_listsTheClassesMaterials_andATextOneIsSentAsTheSeedsLiteral() {
        try (RawClient client = server.connect(LegacyPort.FILES)) {
            client.expect(TITLE + "[0] foto.jpg\n[1] roteiro.txt\n" + QUESTION);

            client.send("1");

            assertThat(client.readToEnd()).isEqualTo("['roteiro.txt', ['Aula 3\\n', 'sockets\\n']]");
        }
    }

    @Test
    void aMaterialThatIsNotText_isRefusedByName() {
        try (RawClient client = server.connect(LegacyPort.FILES)) {
            client.expect(TITLE + "[0] foto.jpg\n[1] roteiro.txt\n" + QUESTION);

            client.send("0");

            assertThat(client.readToEnd()).contains("foto.jpg").contains("não é um texto UTF-8");
        }
    }
}
