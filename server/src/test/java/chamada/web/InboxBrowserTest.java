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
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class's messages on its teacher's page in Chromium: each as the text the student wrote (a tag
 * stays text, a line break stays a line break), the unread ones marked, and the button that marks
 * those shown read; a message that comes while the page is open appears on it, and the one the
 * teacher chooses goes on the class's question screen, without its sender. Screenshots:
 * {@code inbox-teacher} and {@code question-screen}, in {@code server/target/screenshots}.
 */
class InboxBrowserTest {

    private static final ClassId CLASS = new ClassId(1010);

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PROJECTOR, WindowSize.PROJECTOR);

    @TempDir
    Path dir;

    private Classroom classroom;

    @BeforeEach
    void start(Browser teacher, Browser projector) {
        classroom = Classroom.start(dir, teacher, projector);
    }

    @AfterEach
    void stop() {
        if (classroom != null) { // null when the browser could not start
            classroom.close();
        }
    }

    @Test
    void aMessageThatComes_appearsLive_andTheTeacherPutsItOnTheQuestionScreen_withoutItsSender(Browser teacher,
                                                                                             Browser projector) {
        String question = "Pode repetir o exemplo do <b>socket</b>?\nNão entendi o bind().";
        classroom.logIn(teacher);
        classroom.logIn(projector);
        projector.driver().get(classroom.url("/classes/1010/question"));
        Classroom.waitFor(projector).until(ExpectedConditions.attributeToBe(By.id("question-board"), "data-live", "true"));
        teacher.driver().get(classroom.url("/classes/1010/inbox"));
        Classroom.waitFor(teacher).until(ExpectedConditions.attributeToBe(By.id("inbox-board"), "data-live", "true"));
        boolean noneAtFirst = projector.driver().findElement(By.id("no-question")).isDisplayed();

        long id;
        try (var student = classroom.server().client()) {
            id = as(student.message(CLASS, Optional.of(new Matricula("042191010")), new MessageText(question)),
                    Response.MessageSent.class).id();
        }
        Classroom.waitFor(teacher).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages tbody tr"), 1));
        String liveRow = teacher.driver().findElement(By.cssSelector("#messages tbody tr")).getText();
        String liveText = teacher.driver().findElement(By.cssSelector("#messages tbody tr .message-text")).getText();
        int liveElements = teacher.driver().findElements(By.cssSelector("#messages tbody tr .message-text *")).size();
        Classroom.clickToLeave(teacher, teacher.driver().findElement(By.cssSelector(
                "button[aria-label='Show message " + id + " on the question screen']")));
        Classroom.waitFor(projector).until(ExpectedConditions.textToBe(By.id("question"), question));
        projector.screenshot("question-screen");
        String projected = projector.driver().findElement(By.id("question-board")).getText();
        String shownResult = teacher.driver().findElement(By.id("result")).getText();
        boolean markedOnScreen = teacher.driver().findElement(By.cssSelector("tr[data-id='" + id + "'] .on-screen"))
                .isDisplayed();
        Classroom.clickToLeave(teacher, teacher.driver().findElement(By.id("hide")));
        Classroom.waitFor(projector).until(ExpectedConditions.visibilityOfElementLocated(By.id("no-question")));

        assertThat(noneAtFirst).isTrue();
        assertThat(liveRow).contains(Long.toString(id)).contains("042191010").contains("new");
        assertThat(liveText).as("a tag the student typed stays text").isEqualTo(question);
        assertThat(liveElements).isZero();
        assertThat(shownResult).isEqualTo("Message " + id + " is on the question screen, without its sender.");
        assertThat(markedOnScreen).isTrue();
        assertThat(projected).contains(question).doesNotContain("042191010");
        assertThat(teacher.driver().findElement(By.id("result")).getText()).isEqualTo("The question screen shows no message.");
        assertThat(projector.driver().findElement(By.id("question")).isDisplayed()).isFalse();
        assertThat(as(classroom.teacher().inbox(CLASS, false), Response.Inbox.class).shown()).isEmpty();
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
