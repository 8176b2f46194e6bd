package chamada.web;

import chamada.i18n.Lang;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster page in Chromium: a teacher uploads a spreadsheet's CSV with a bad line, reads
 * which, imports the rest, sees names beside matrículas on the class's page and the absent at
 * the close, and excuses an absentee on the corrections page. The README's screenshots of these
 * pages come from here.
 */
class RosterBrowserTest {

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PROJECTOR);

    @TempDir
    Path dir;

    private Classroom classroom;

    @BeforeEach
    void start(Browser teacher) {
        classroom = Classroom.start(dir, teacher);
    }

    @AfterEach
    void stop() {
        if (classroom != null) {
            classroom.close();
        }
    }

    @Test
    void teacher_uploadsARosterWithABadLine_importsTheRest_andSeesNamesOnTheClassPage(Browser teacher)
            throws IOException {
        Path csv = Files.writeString(dir.resolve("1010.csv"), """
                matricula;nome
                042191010;Ana Souza
                205182055;Bruno Lima
                2051X;Carla Dias
                7;Davi "Dudu" Rocha <b>
                """, StandardCharsets.UTF_8);
        classroom.logIn(teacher);
        teacher.driver().get(classroom.url("/classes/1010/roster"));

        upload(teacher, csv, false);
        String refused = teacher.driver().findElement(By.id("result")).getText();
        List<String> problems = texts(teacher, "#problems li");
        String countAfterRefusal = teacher.driver().findElement(By.id("count")).getText();
        upload(teacher, csv, true);
        teacher.screenshot("roster-projector");
        List<String> names = texts(teacher, "#students tbody td:nth-child(2)");

        classroom.open(teacher, goTo(teacher));
        try (var cli = classroom.server().client()) {
            cli.checkIn(new Matricula("7"), Classroom.CLASS);
            cli.checkIn(new Matricula("99"), Classroom.CLASS);
        }
        teacher.driver().get(classroom.url("/classes/1010"));
        List<String> presentNames = texts(teacher, "#present tbody td:nth-child(4)");
        int markupInNames = teacher.driver().findElements(By.cssSelector("#present b")).size();
        teacher.driver().findElement(By.id("close")).click();
        Classroom.waitFor(teacher).until(ExpectedConditions.presenceOfElementLocated(By.id("absent")));
        List<String> absentNames = texts(teacher, "#absent tbody td:nth-child(2)");
        String absentCount = teacher.driver().findElement(By.id("absent-count")).getText();
        teacher.screenshot("closed-with-absent-projector");
        teacher.driver().findElement(By.id("audit")).click();
        Classroom.waitFor(teacher).until(ExpectedConditions.presenceOfElementLocated(By.id("mark")));
        teacher.driver().findElement(By.id("matricula")).sendKeys("205182055");
        teacher.driver().findElement(By.cssSelector("label[for=status-excused]")).click();
        teacher.driver().findElement(By.id("reason")).sendKeys("atestado médico");
        Classroom.clickToLeave(teacher, teacher.driver().findElement(By.id("mark")));
        Classroom.waitFor(teacher).until(ExpectedConditions.presenceOfElementLocated(By.id("entries")));
        teacher.screenshot("audit-projector");
        String corrected = teacher.driver().findElement(By.id("result")).getText();
        List<String> audited = texts(teacher, "#entries tbody td");

        assertThat(refused).isEqualTo(WebText.ROSTER_BAD_LINES.format(Lang.EN, 1));
        assertThat(problems).containsExactly("line 4: \"2051X\" is not a matrícula (1 to 20 digits)");
        assertThat(countAfterRefusal).isEqualTo(WebText.ROSTER_NONE.format(Lang.EN));
        assertThat(names).containsExactly("Ana Souza", "Bruno Lima", "Davi \"Dudu\" Rocha <b>");
        assertThat(presentNames).containsExactly("Davi \"Dudu\" Rocha <b>", "(not on the roster)");
        assertThat(markupInNames).as("a name is text, never markup").isZero();
        assertThat(absentCount).isEqualTo(WebText.ABSENT_COUNT.format(Lang.EN, 2));
        assertThat(absentNames).containsExactly("Ana Souza", "Bruno Lima");
        assertThat(corrected).startsWith("205182055 is now excused in roll call ").endsWith(" (was absent).");
        assertThat(audited.subList(2, 6)).containsExactly("205182055", "absent → excused", "ana", "atestado médico");
    }

    /**
     * Goes back to the teacher's page to open, with no code and accepting matrículas not on the
     * roster: the roster's page is not where a roll call opens.
     */
    private String goTo(Browser teacher) {
        teacher.driver().get(classroom.url("/teacher"));
        teacher.driver().findElement(By.cssSelector("label[for=accept_unknown]")).click();
        return CodePolicy.NONE.wire();
    }

    private static void upload(Browser teacher, Path csv, boolean skipBad) {
        teacher.driver().findElement(By.id("roster-file")).sendKeys(csv.toAbsolutePath().toString());
        WebElement skip = teacher.driver().findElement(By.id("skip_bad"));
        if (skip.isSelected() != skipBad) {
            teacher.driver().findElement(By.cssSelector("label[for=skip_bad]")).click();
        }
        Classroom.clickToLeave(teacher, teacher.driver().findElement(By.id("import")));
        Classroom.waitFor(teacher).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
