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

        TeachersFile.add(file, TeacherName.ofLogin("ana"), "s3cret");
        TeachersFile teachers = TeachersFile.load(file);

        assertThat(Files.readString(file)).contains("ana:pbkdf2-sha256$600000$").doesNotContain("s3cret");
        assertThat(teachers.openMode()).isFalse();
        assertThat(teachers.authenticate("ana", "s3cret")).contains(TeacherName.ofLogin("ana"));
        assertThat(teachers.authenticate("ana", "wrong")).isEmpty();
        assertThat(teachers.authenticate("bia", "s3cret")).isEmpty();
        assertThat(teachers.authenticate("(open)", "s3cret")).isEmpty();
    }

    @Test
    void add_newFile_isPrivateToItsOwner() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = dir.resolve("sub/teachers.txt");

        TeachersFile.add(file, TeacherName.ofLogin("ana"), "s3cret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void add_nameAlreadyPresent_isRefusedNamingItsLine() throws IOException {
        Path file = dir.resolve("teachers.txt");
        Files.writeString(file, "# comment\nana:" + HASH);

        assertThatThrownBy(() -> TeachersFile.add(file, TeacherName.ofLogin("ana"), "other"))
                .isInstanceOfSatisfying(TeachersFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(TeachersFileProblem.ALREADY_PRESENT);
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThat(TeachersFile.load(file).authenticate("ana", SECRET)).isPresent();
    }

    @Test
    void add_fileWithoutFinalNewline_startsANewLine() throws IOException {
        Path file = dir.resolve("teachers.txt");
        Files.writeString(file, "ana:" + HASH);

        TeachersFile.add(file, TeacherName.ofLogin("bia"), "s3cret");

        assertThat(TeachersFile.load(file).names()).extracting(TeacherName::value).containsExactly("ana", "bia");
    }

    @Test
    void load_commentsBlankLinesAndSpaces_areIgnored() throws IOException {
        Path file = dir.resolve("teachers.txt");
        Files.writeString(file, "# teachers\n\n   \n  ana : " + HASH + "  \n   # indented comment\n");

        TeachersFile teachers = TeachersFile.load(file);

        assertThat(teachers.names()).containsExactly(TeacherName.ofLogin("ana"));
        assertThat(teachers.authenticate("ana", SECRET)).isPresent();
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
    void teachersOf_noFile_isOpenModeAcceptingAnyValidName() throws IOException {
        Teachers teachers = Teachers.of(Optional.empty());

        assertThat(teachers.openMode()).isTrue();
        assertThat(teachers.authenticate("ana", "")).contains(TeacherName.ofLogin("ana"));
        assertThat(teachers.authenticate("(open)", "x")).isEmpty();
        assertThat(teachers.authenticate("", "x")).isEmpty();
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
