package chamada.web;

import chamada.messages.MessageText;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class's messages on its teacher's page in Chromium: each as the text the student wrote (a tag
 * stays text, a line break stays a line break), the unread ones marked, and the button that marks
 * those shown read. Its screenshot goes to {@code server/target/screenshots}.
 */
class InboxBrowserTest {

    private static final ClassId CLASS = new ClassId(1010);

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
        if (classroom != null) { // null when the browser could not start
            classroom.close();
        }
    }

    @Test
    void theTeacher_readsTheMessages_asTheyWereWritten_andMarksThemRead(Browser teacher) {
        try (var student = classroom.server().client()) {
            as(student.message(CLASS, Optional.of(new Matricula("042191010")),
                    new MessageText("A prova é <b>sexta</b>?\nE vale nota?")), Response.MessageSent.class);
            as(student.message(CLASS, Optional.of(new Matricula("7")), new MessageText("Posso sair às 10h?")),
                    Response.MessageSent.class);
        }
        classroom.logIn(teacher);
        teacher.driver().get(classroom.url("/classes/1010"));
        Classroom.clickToLeave(teacher, teacher.driver().findElement(By.id("inbox")));

        List<String> texts = teacher.driver().findElements(By.cssSelector("#messages .message-text")).stream()
                .map(WebElement::getText).toList();
        int unreadBefore = teacher.driver().findElements(By.cssSelector("#messages tr.unread")).size();
        teacher.screenshot("inbox-teacher");
        Classroom.clickToLeave(teacher, teacher.driver().findElement(By.id("mark-read")));

        assertThat(texts).containsExactly("A prova é <b>sexta</b>?\nE vale nota?", "Posso sair às 10h?");
        assertThat(unreadBefore).isEqualTo(2);
        assertThat(teacher.driver().findElement(By.id("result")).getText()).isEqualTo("2 message(s) marked read.");
        assertThat(teacher.driver().findElements(By.cssSelector("#messages tr.unread"))).isEmpty();
        assertThat(as(classroom.teacher().inbox(CLASS, true), Response.Inbox.class).messages()).isEmpty();
    }
}
