package chamada.teachers;

import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TeachersFileTest {

    private static final String HASH =
            "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$VYHFlBMF+l3a5tLUVKqUQrPYY8Ij03Qt8PY9YfiJkgc=";
    private static final String SECRET = "senha-forte-çã";

    @TempDir
    Path dir;

    @Test
    void add_thenLoad_authenticatesOnlyTheRightSecret() throws IOException {
        Path file = dir.resolve("teachers.txt");

        TeachersFile.add(file, TeacherName.ofLogin("ana"), "s3cret", false);
        assertThat(Files.readString(file)).contains("ana:pbkdf2-sha256$600000$").doesNotContain("s3cret");
        assertThat(authenticates(file, "ana", "s3cret")).isTrue();
        assertThat(authenticates(file, "ana", "wrong")).isFalse();
        assertThat(authenticates(file, "bia", "s3cret")).isFalse();
        assertThat(TeachersFile.load(file).teachers()).singleElement()
                .satisfies(teacher -> assertThat(teacher.administrator()).isFalse());
    }

    @Test
    void add_administrator_isMarkedSoAndReadBack() throws IOException {
        Path file = dir.resolve("teachers.txt");

        TeachersFile.add(file, TeacherName.ofLogin("diretora"), "s3cret", true);
        TeachersFile.add(file, TeacherName.ofLogin("ana"), "outra", false);

        assertThat(Files.readString(file)).containsPattern("diretora:pbkdf2-sha256\\$600000\\$[^\\n]*:admin\\n");
        assertThat(TeachersFile.load(file).teachers()).extracting(FileTeacher::name, FileTeacher::administrator)
                .containsExactly(tuple(TeacherName.ofLogin("diretora"), true), tuple(TeacherName.ofLogin("ana"), false));
        assertThat(authenticates(file, "diretora", "s3cret")).isTrue();
    }

    private static boolean authenticates(Path file, String name, String secret) throws IOException {
        return TeachersFile.load(file).teachers().stream()
                .anyMatch(teacher -> teacher.name().value().equals(name) && teacher.hash().matches(secret));
    }

    @Test
    void add_newFile_isPrivateToItsOwner() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = dir.resolve("sub/teachers.txt");

        TeachersFile.add(file, TeacherName.ofLogin("ana"), "s3cret", false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void add_nameAlreadyPresent_isRefusedNamingItsLine() throws IOException {
        Path file = dir.resolve("teachers.txt");
        Files.writeString(file, "# comment\nana:" + HASH);

        assertThatThrownBy(() -> TeachersFile.add(file, TeacherName.ofLogin("ana"), "other", false))
                .isInstanceOfSatisfying(TeachersFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(TeachersFileProblem.ALREADY_PRESENT);
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThat(authenticates(file, "ana", SECRET)).isTrue();
    }

    @Test
    void add_fileWithoutFinalNewline_startsANewLine() throws IOException {
        Path file = dir.resolve("teachers.txt");
        Files.writeString(file, "ana:" + HASH);

        TeachersFile.add(file, TeacherName.ofLogin("bia"), "s3cret", false);

        assertThat(TeachersFile.load(file).teachers()).extracting(teacher -> teacher.name().value())
                .containsExactly("ana", "bia");
    }

    @Test
    void load_commentsBlankLinesAndSpaces_areIgnored() throws IOException {
        Path file = dir.resolve("teachers.txt");
        Files.writeString(file, "# teachers\n\n   \n  ana : " + HASH + "  \n   # indented comment\n");

        assertThat(TeachersFile.load(file).teachers()).extracting(FileTeacher::name)
                .containsExactly(TeacherName.ofLogin("ana"));
        assertThat(authenticates(file, "ana", SECRET)).isTrue();
    }

    @Test
    void load_lineWithoutColon_isRefusedNamingFileAndLine() throws IOException {
        Path file = dir.resolve("teachers.txt");
        Files.writeString(file, "# teachers\nana:" + HASH + "\nbia " + HASH + "\n");

        assertThatThrownBy(() -> TeachersFile.load(file))
                .isInstanceOfSatisfying(TeachersFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith(file + ", line 3: no colon");
                    assertThat(e.message(Lang.PT_BR)).startsWith(file + ", linha 3: falta o dois-pontos");
                });
    }

    @Test
    void load_badNameBadHashOrDuplicate_isRefusedWithTheReason() throws IOException {
        Path file = dir.resolve("teachers.txt");

        Files.writeString(file, "ana maria:" + HASH + "\n");
        assertThatThrownBy(() -> TeachersFile.load(file))
                .hasMessageContaining("line 1: invalid teacher name \"ana maria\"");

        Files.writeString(file, "ana:pbkdf2-sha256$1000$xx\n");
        assertThatThrownBy(() -> TeachersFile.load(file))
                .hasMessageContaining("line 1: the hash of ana is not of the form")
                .hasMessageContaining("got 3 part(s)");

        Files.writeString(file, "ana:" + HASH + "\n\nana:" + HASH + "\n");
        assertThatThrownBy(() -> TeachersFile.load(file))
                .hasMessageContaining("line 3: teacher ana appears twice (first on line 1)");
    }

    @Test
    void openMode_acceptsAnyValidNameAsAnAdministrator() {
        Teachers teachers = new OpenMode();

        assertThat(teachers.openMode()).isTrue();
        assertThat(teachers.authenticate("ana", "")).contains(TeacherName.ofLogin("ana"));
        assertThat(teachers.authenticate("(open)", "x")).isEmpty();
        assertThat(teachers.authenticate("", "x")).isEmpty();
        assertThat(teachers.role(TeacherName.ofLogin("ana")).join()).contains(Role.ADMINISTRATOR);
    }

    @Test
    void teachersProblems_haveBothLanguagesWithTheSamePlaceholders() {
        for (TeachersFileProblem problem : TeachersFileProblem.values()) {
            assertThat(problem.en()).as(problem.name()).isNotBlank();
            assertThat(problem.pt()).as(problem.name()).isNotBlank();
            assertThat(placeholders(problem.pt())).as(problem.name()).isEqualTo(placeholders(problem.en()));
        }
    }

    private static SortedSet<String> placeholders(String pattern) {
        SortedSet<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(pattern);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
