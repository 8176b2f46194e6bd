package chamada.cli;

import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.materials.MaterialName;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Class materials on the command line, on a server with a teachers file: a teacher publishes and
 * removes, a student lists and downloads (by name, by number, or from the numbered menu), the
 * download checked and written whole, a cut download resumed, and a student refused an upload.
 */
class MaterialCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private CliServer server;
    private Path lessons;
    private Path downloads;
    private byte[] video;

    @BeforeEach
    void start() throws IOException {
        server = new CliServer(dir);
        lessons = Files.createDirectories(dir.resolve("aulas"));
        downloads = dir.resolve("downloads");
        video = new byte[3_000_000];
        new Random(7).nextBytes(video);
        Files.write(lessons.resolve("aula 1.mp4"), video);
        Files.writeString(lessons.resolve("roteiro.txt"), "Aula 1: sockets\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTeacherPublishes_andAStudentListsAndDownloads_byNameNumberOrMenu() throws IOException {
        CliRunner.Result uploaded = server.teacher(Lang.EN, "upload", "1010", lessons.resolve("aula 1.mp4").toString(),
                lessons.resolve("roteiro.txt").toString());
        CliRunner.Result files = server.run(new CliRunner().lang(Lang.PT_BR), "student", "files", "1010");
        CliRunner.Result byName = server.run(new CliRunner(), "student", "download", "1010", "aula 1.mp4", "--out",
                downloads.toString());
        CliRunner.Result byMenu = server.run(new CliRunner().input("2"), "student", "download", "1010", "--out",
                downloads.resolve("menu").toString());

        assertThat(uploaded.exitCode()).as(uploaded.err()).isEqualTo(ExitCodes.OK);
        assertThat(uploaded.out()).isEqualTo("Published aula 1.mp4 (3.0 MB) to class 1010; SHA-256 " + sha256(video)
                + "." + NL + "Published roteiro.txt (16 B) to class 1010; SHA-256 "
                + sha256("Aula 1: sockets\n".getBytes()) + "." + NL);
        assertThat(files.out()).startsWith("Materiais da turma 1010 (2):" + NL)
                .contains("  1   aula 1.mp4    3.0 MB  " + sha256(video) + "  01/12/2026 08:00:00" + NL)
                .contains("  2   roteiro.txt     16 B  ");
        assertThat(byName.exitCode()).as(byName.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllBytes(downloads.resolve("aula 1.mp4"))).isEqualTo(video);
        assertThat(byName.out()).isEqualTo("Downloaded aula 1.mp4 (3.0 MB) to " + downloads.resolve("aula 1.mp4")
                + "; SHA-256 checked." + NL);
        assertThat(byMenu.out()).contains("Type the number of the file:");
        assertThat(Files.readString(downloads.resolve("menu").resolve("roteiro.txt"))).isEqualTo("Aula 1: sockets\n");
        try (var left = Files.list(downloads)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("aula 1.mp4", "menu");
        }
    }

    @Test
    void aDownloadCut_resumesFromThePartItLeft_andADamagedPartIsNeverKept() throws IOException {
        server.teacher(Lang.EN, "upload", "1010", lessons.resolve("aula 1.mp4").toString());
        Files.createDirectories(downloads);
        Files.write(downloads.resolve("aula 1.mp4.part"), Arrays.copyOf(video, 1_000_000));

        CliRunner.Result resumed = server.run(new CliRunner(), "student", "download", "1010", "1", "--out",
                downloads.toString(), "--resume");
        byte[] whole = Files.readAllBytes(downloads.resolve("aula 1.mp4"));
        Files.write(downloads.resolve("aula 1.mp4.part"), new byte[1_000_000]);
        Files.delete(downloads.resolve("aula 1.mp4"));
        CliRunner.Result damaged = server.run(new CliRunner(), "student", "download", "1010", "aula 1.mp4", "--out",
                downloads.toString(), "--resume");

        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.err()).startsWith("Resuming aula 1.mp4: 1.0 MB already in ");
        assertThat(whole).isEqualTo(video);
        assertThat(damaged.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(damaged.err()).contains("aula 1.mp4 arrived damaged or changed on the server meanwhile");
        try (var left = Files.list(downloads)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void remove_takesItOff_andAStudentWithoutALoginCannotPublish() throws NoSuchAlgorithmException {
        server.teacher(Lang.EN, "upload", "1010", lessons.resolve("roteiro.txt").toString());
        CliRunner.Result removed = server.teacher(Lang.PT_BR, "rm", "1010", "roteiro.txt");
        CliRunner.Result unknown = server.run(new CliRunner(), "student", "download", "1010", "roteiro.txt", "--out",
                downloads.toString());
        Response student;
        byte[] bytes = "cola".getBytes();
        try (var client = server.server.client()) {
            student = client.upload(new ClassId(1010), new MaterialName("cola.txt"), bytes.length, sha256(bytes),
                    new ByteArrayInputStream(bytes), sent -> { });
        }

        assertThat(removed.out()).isEqualTo("Removido roteiro.txt da turma 1010." + NL);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknown.err()).contains("Class 1010 has no material \"roteiro.txt\"");
        assertThat(as(student, Response.Failure.class).code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
