package chamada.cli;

import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TeacherAddCommandTest {

    @TempDir
    Path dir;

    @Test
    void add_secretOption_writesAHashThatAuthenticates() throws IOException {
        Path file = dir.resolve("teachers.txt");

        CliRunner.Result result = new CliRunner()
                .run("teacher", "add", "ana", "--teachers", file.toString(), "--secret", "s3cret-çã");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).isEqualTo("Teacher ana added to " + file + "." + System.lineSeparator());
        assertThat(Files.readString(file)).containsPattern("(?m)^ana:pbkdf2-sha256\\$600000\\$[^$]+\\$[^$]+$")
                .doesNotContain("s3cret");
        assertThat(authenticates(file, "ana", "s3cret-çã")).isTrue();
        assertThat(authenticates(file, "ana", "s3cret")).isFalse();
    }

    @Test
    void add_admin_makesAnAdministratorsLine() throws IOException {
        Path file = dir.resolve("teachers.txt");

        CliRunner.Result result = new CliRunner()
                .run("teacher", "add", "diretora", "--admin", "--teachers", file.toString(), "--secret", "s3cret");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(TeachersFile.load(file).teachers()).singleElement()
                .satisfies(teacher -> assertThat(teacher.administrator()).isTrue());
    }

    private static boolean authenticates(Path file, String name, String secret) throws IOException {
        return TeachersFile.load(file).teachers().stream()
                .anyMatch(teacher -> teacher.name().value().equals(name) && teacher.hash().matches(secret));
    }

    @Test
    void add_secretFromEnvironment_isUsedWithoutPrompt() throws IOException {
        Path file = dir.resolve("teachers.txt");
        CliRunner runner = new CliRunner().env("CHAMADA_SECRET", "from-env").secrets("typed");

        CliRunner.Result result = runner.run("--lang", "pt-BR", "teacher", "add", "bia", "--teachers", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Professor bia adicionado a");
        assertThat(result.prompts()).isEmpty();
        assertThat(authenticates(file, "bia", "from-env")).isTrue();
    }

    @Test
    void add_prompted_asksTwiceWithoutEcho() throws IOException {
        Path file = dir.resolve("teachers.txt");
        CliRunner runner = new CliRunner().secrets("typed", "typed");

        CliRunner.Result result = runner.run("teacher", "add", "ana", "--teachers", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.prompts()).containsExactly("Secret for ana: ", "The same secret again: ");
        assertThat(result.out()).doesNotContain("typed");
        assertThat(authenticates(file, "ana", "typed")).isTrue();
    }

    @Test
    void add_promptedSecretsDiffer_changesNothing() {
        Path file = dir.resolve("teachers.txt");

        CliRunner.Result result = new CliRunner().secrets("one", "two")
                .run("--lang", "pt-BR", "teacher", "add", "ana", "--teachers", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("As duas senhas são diferentes; nada foi alterado." + System.lineSeparator());
        assertThat(file).doesNotExist();
    }

    @Test
    void add_nameAlreadyPresent_isRefused() {
        Path file = dir.resolve("teachers.txt");
        new CliRunner().run("teacher", "add", "ana", "--teachers", file.toString(), "--secret", "one");

        CliRunner.Result result = new CliRunner()
                .run("teacher", "add", "ana", "--teachers", file.toString(), "--secret", "two");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).contains(", line 2: teacher ana is already in this file");
    }

    @Test
    void add_malformedFile_isLocalFileProblemNamingTheLine() throws IOException {
        Path file = dir.resolve("teachers.txt");
        Files.writeString(file, "# teachers\n\nana pbkdf2-sha256$1$x$y\n");

        CliRunner.Result result = new CliRunner().run("--lang", "pt-BR",
                "teacher", "add", "bia", "--teachers", file.toString(), "--secret", "s3cret");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).isEqualTo(file + ", linha 3: falta o dois-pontos; cada linha deve ser NOME:HASH"
                + " (NOME:HASH:admin para um administrador), como escreve \"chamada teacher add\"." + System.lineSeparator());
        assertThat(Files.readString(file)).doesNotContain("bia");
    }

    @Test
    void add_fileCannotBeCreated_isLocalFileProblem() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");

        CliRunner.Result result = new CliRunner().run(
                "teacher", "add", "ana", "--teachers", notADirectory.resolve("teachers.txt").toString(), "--secret", "s");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(result.err()).startsWith("Could not write " + notADirectory.resolve("teachers.txt"));
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void add_badName_isUsageError() {
        CliRunner.Result result = new CliRunner()
                .run("teacher", "add", "(open)", "--teachers", dir.resolve("t.txt").toString(), "--secret", "s");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Invalid field name: \"(open)\"");
    }
}
