package chamada.roster;

import chamada.i18n.Lang;
import chamada.rollcall.Matricula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading roster files as spreadsheets save them, and reporting each bad line by number. */
class RosterFileTest {

    private static RosterFile read(String text) {
        return RosterFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RosterEntry entry(String matricula, String name) {
        return new RosterEntry(new Matricula(matricula), new StudentName(name));
    }

    @Test
    void read_commas_givesEveryStudentInFileOrder() {
        RosterFile file = read("matricula,name\n042191010,Ana Souza\n7,Bruno Lima\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.students()).containsExactly(entry("042191010", "Ana Souza"), entry("7", "Bruno Lima"));
    }

    @Test
    void read_excelInABrazilianLocale_semicolonsAByteOrderMarkCrlfAndPortugueseHeader() {
        RosterFile file = read("\uFEFFMatrícula;Nome\r\n042191010;Conceição Araújo\r\n\r\n205182055;\"Lima; Bruno\"\r\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.students()).containsExactly(entry("042191010", "Conceição Araújo"),
                entry("205182055", "Lima; Bruno"));
    }

    @Test
    void read_columnsInAnotherOrderWithOthersBeside_takesTheTwoItNeeds() {
        RosterFile file = read("turma,name,email,matricula\n1010,\"Souza, Ana\",ana@escola.br, 042191010 \n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.students()).containsExactly(entry("042191010", "Souza, Ana"));
    }

    @Test
    void read_badLines_reportsEachByNumberAndKeepsTheGoodOnes() {
        RosterFile file = read("""
                matricula,name
                042191010,Ana Souza
                04219X,Bruno Lima
                205182055
                7,"Carla ""Cacá"" Dias
                042191010,Ana de novo
                8,Davi Rocha
                """);

        assertThat(file.students()).containsExactly(entry("042191010", "Ana Souza"), entry("8", "Davi Rocha"));
        assertThat(file.problems()).extracting(RosterLineProblem::line).containsExactly(3, 4, 5, 6);
        assertThat(file.problems()).extracting(RosterLineProblem::problem).containsExactly(RosterProblem.BAD_MATRICULA,
                RosterProblem.MISSING_FIELD, RosterProblem.QUOTES, RosterProblem.DUPLICATE);
        assertThat(file.problems().get(0).message(Lang.EN)).isEqualTo("line 3: \"04219X\" is not a matrícula (1 to 20 digits)");
        assertThat(file.problems().get(3).message(Lang.PT_BR)).isEqualTo("linha 6: a matrícula 042191010 já está na linha 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "042191010,Ana Souza\n", "matricula,nome completo\n1,Ana\n"})
    void read_withoutTheHeader_isOneProblemAndNoStudent(String text) {
        RosterFile file = read(text);

        assertThat(file.students()).isEmpty();
        assertThat(file.problems()).extracting(RosterLineProblem::problem).containsExactly(RosterProblem.NO_HEADER);
    }

    @Test
    void read_notUtf8_saysSoOnce() {
        byte[] latin1 = "matricula,name\n1,Conceição\n".getBytes(StandardCharsets.ISO_8859_1);

        RosterFile file = RosterFile.read(latin1);

        assertThat(file.students()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.problem()).isEqualTo(RosterProblem.NOT_UTF8);
            assertThat(problem.message(Lang.PT_BR)).contains("CSV UTF-8");
        });
    }

    @Test
    void read_aNameWithAControlCharacterOrTooLong_isABadName() {
        RosterFile file = read("matricula,name\n1,Ana\u0007\n2," + "x".repeat(StudentName.MAX_LENGTH + 1) + "\n");

        assertThat(file.problems()).extracting(RosterLineProblem::problem)
                .containsExactly(RosterProblem.BAD_NAME, RosterProblem.BAD_NAME);
    }

    @Test
    void read_moreStudentsThanARosterHolds_reportsEachLinePastTheLimit() {
        StringBuilder text = new StringBuilder("matricula,name\n");
        for (int i = 1; i <= Roster.MAX_STUDENTS + 2; i++) {
            text.append(i).append(",Aluno ").append(i).append('\n');
        }

        RosterFile file = read(text.toString());

        assertThat(file.students()).hasSize(Roster.MAX_STUDENTS);
        assertThat(file.problems()).extracting(RosterLineProblem::line)
                .containsExactly(Roster.MAX_STUDENTS + 2, Roster.MAX_STUDENTS + 3);
        assertThat(file.problems()).allMatch(problem -> problem.problem() == RosterProblem.TOO_MANY);
    }

    /** Property: any roster written as a spreadsheet writes CSV (quotes where needed) reads back as it was. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void read_whatASpreadsheetWrites_readsBackTheSameStudents(long seed) {
        Random random = new Random(seed);
        char separator = random.nextBoolean() ? ',' : ';';
        String alphabet = "abcdefghijklmnopqrstuvwxyzÇçãõáéíóúâêô ,;\"'-.";
        List<RosterEntry> students = new ArrayList<>();
        StringBuilder text = new StringBuilder(separator == ',' ? "matricula,name\r\n" : "matricula;nome\r\n");
        int count = 1 + random.nextInt(2_000);
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder("N");
            for (int c = random.nextInt(StudentName.MAX_LENGTH - 2); c > 0; c--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            name.append('z');
            RosterEntry student = entry(String.format("%d%03d", i, random.nextInt(1_000)), name.toString());
            students.add(student);
            String field = student.name().value();
            boolean quote = field.indexOf(separator) >= 0 || field.indexOf('"') >= 0 || random.nextInt(4) == 0;
            text.append(student.matricula().value()).append(separator)
                    .append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field).append("\r\n");
        }

        RosterFile file = read(text.toString());

        assertThat(file.problems()).isEmpty();
        assertThat(file.students()).containsExactlyElementsOf(students);
    }
}
