package chamada.web;

import chamada.protocol.Response;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.Matricula;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import chamada.client.ChamadaClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page in Chromium: after five lessons of class 1010, its teacher reads each
 * student's attendance and a chart of the class's attendance lesson by lesson, drawn by the
 * server. The README's screenshot of the report comes from here.
 */
class ReportBrowserTest {

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PROJECTOR);

    private static final List<RosterEntry> ROSTER = List.of(student("042191010", "Ana Souza"),
            student("205182055", "Bruno Lima"), student("7", "Carla Dias"), student("8", "Davi Rocha"));
    /** Who checks in at each of the five lessons: everyone, then fewer and fewer, then three again. */
    private static final List<List<String>> LESSONS = List.of(List.of("042191010", "205182055", "7", "8"),
            List.of("042191010", "205182055", "7"), List.of("042191010", "7"), List.of("042191010"),
            List.of("042191010", "205182055", "8"));

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
    void teacher_readsEachStudentsAttendance_andTheChartOfEveryLesson(Browser teacher) {
        ChamadaClient client = classroom.teacher();
        assertThat(client.importRoster(Classroom.CLASS, ROSTER)).isInstanceOf(Response.RosterImported.class);
        try (ChamadaClient students = classroom.server().client()) {
            for (List<String> lesson : LESSONS) {
                assertThat(client.open(Classroom.CLASS, Optional.of(CodePolicy.NONE), false))
                        .isInstanceOf(Response.Opened.class);
                lesson.forEach(matricula -> students.checkIn(new Matricula(matricula), Classroom.CLASS));
                classroom.clock().advance(Duration.ofMinutes(50));
                assertThat(client.close(Classroom.CLASS)).isInstanceOf(Response.RollCallReply.class);
                classroom.clock().advance(Duration.ofDays(1));
            }
        }
        classroom.logIn(teacher);

        teacher.driver().get(classroom.url("/classes/1010/report"));
        Classroom.waitFor(teacher).until(ExpectedConditions.presenceOfElementLocated(By.id("chart")));
        teacher.screenshot("report-projector");
        List<WebElement> bars = teacher.driver().findElements(By.cssSelector("#chart rect.chart-bar"));
        List<String> rows = teacher.driver().findElements(By.cssSelector("#report tbody tr")).stream()
                .map(WebElement::getText).toList();

        assertThat(bars).extracting(bar -> bar.getAttribute("height"))
                .containsExactly("160", "120", "80", "40", "120");
        assertThat(bars.getFirst().findElement(By.tagName("title")).getAttribute("textContent"))
                .endsWith(": 100.0% (4 present, 0 late, 0 excused, 0 absent)");
        assertThat(rows).containsExactly(
                "Ana Souza 042191010 5 0 0 0 100.0%",
                "Bruno Lima 205182055 3 0 0 2 60.0%",
                "Carla Dias 7 3 0 0 2 60.0%",
                "Davi Rocha 8 2 0 0 3 40.0%",
                "Class 13 0 0 7 65.0%");
    }

    private static RosterEntry student(String matricula, String name) {
        return new RosterEntry(new Matricula(matricula), new StudentName(name));
    }
}
