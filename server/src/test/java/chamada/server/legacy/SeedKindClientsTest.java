package chamada.server.legacy;

import chamada.testing.CapturedLog;
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
 * Python clients of the seeds' kind for the two other legacy ports: the file download of
 * {@code seeds/004} writes a file back from what it receives, and a client of the Tech with
 * Tim framing that {@code seeds/003} follows sends its messages. Skipped without Python 3.
 */
class SeedKindClientsTest {

    @TempDir
    Path dir;

    private LegacyFixture server;

    @BeforeEach
    void start() {
        SeedClient.assumePython();
        server = LegacyFixture.start(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void fileClient_writesTheChosenFileBackAsItWas() throws IOException {
        String text = "# Aula 3: sockets\n\n\tprint('olá')  # aspas ' e \" e \\ barra\nÚltima linha, sem fim de linha";
        Files.writeString(server.files.resolve("aula3.py"), text, StandardCharsets.UTF_8);
        Files.writeString(server.files.resolve("aula1.txt"), "outra\n", StandardCharsets.UTF_8);
        Path downloads = dir.resolve("downloads");
        try (SeedClient client = SeedClient.start("file_client.py", server.port(LegacyPort.FILES), downloads.toString())) {
            client.awaitOutput("-- OPÇÕES ENCONTRADAS -- \n\n[0] aula1.txt\n[1] aula3.py\n\nQual deles deseja baixar? ");
            client.type("1").awaitOutput("arquivo salvo: aula3.py\n");

            assertThat(client.awaitExit()).isZero();
        }
        assertThat(Files.readString(downloads.resolve("aula3.py"), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void messageClient_getsMsgReceivedForEachMessage() {
        try (CapturedLog log = CapturedLog.of(MessageProtocol.class);
             SeedClient client = SeedClient.start("message_client.py", server.port(LegacyPort.MESSAGES),
                     "Hello World!", "Prova de redes na sexta-feira")) {
            assertThat(client.awaitExit()).isZero();

            assertThat(client.output()).isEqualTo("Msg received\nMsg received\nMsg received\n");
            assertThat(log.lines()).anyMatch(line -> line.endsWith(": 'Prova de redes na sexta-feira'"))
                    .anyMatch(line -> line.endsWith(": '!DISCONNECT'"));
        }
    }
}
