package chamada.roster;

import chamada.i18n.Lang;
import chamada.rollcall.Matricula;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the roster CSV import (issue 16, RELIABILITY.md "Fuzzing"): the bytes of an uploaded
 * file go to {@link RosterFile#read}, as the teacher's roster page and {@code chamada teacher
 * roster import} give them. It promises never to throw for what a file holds, so any exception
 * is a crash; what it reads must hold its own rules: each matrícula once, no more students
 * than a roster takes, and problems on lines of the file, in order, each told in both languages.
 */
class RosterFileFuzzTest {

    @FuzzTest
    void fileBytes_becomeStudentsAndProblems(byte[] file) {
        RosterFile read = RosterFile.read(file);
        Set<Matricula> matriculas = new HashSet<>();
        for (RosterEntry student : read.students()) {
            assertThat(matriculas.add(student.matricula())).as("%s once", student.matricula()).isTrue();
        }
        assertThat(read.students()).hasSizeLessThanOrEqualTo(Roster.MAX_STUDENTS);
        int lines = 1 + (int) new String(file, StandardCharsets.ISO_8859_1).chars()
                .filter(c -> c == '\n' || c == '\r').count();
        int previous = 0;
        for (RosterLineProblem problem : read.problems()) {
            assertThat(problem.line()).as("%s", problem).isBetween(Math.max(1, previous), lines);
            previous = problem.line();
            assertThat(problem.message(Lang.EN)).isNotBlank();
            assertThat(problem.message(Lang.PT_BR)).isNotBlank();
        }
    }
}
