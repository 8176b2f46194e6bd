package chamada.web;

import chamada.materials.MaterialName;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class's student page in a phone-sized Chromium: the materials listed with their sizes, each
 * a link to its bytes, and a question sent from the box, which the teacher's inbox then holds.
 * Its screenshot goes to {@code server/target/screenshots}.
 */
class StudentPageBrowserTest {

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PHONE);

    @TempDir
    Path dir;

    private Classroom classroom;

    @BeforeEach
    void start(Browser phone) throws Exception {
        classroom = Classroom.start(dir, phone);
        publish("Aula 3 - sockets.pdf", "%PDF-1.4 aula".getBytes(StandardCharsets.UTF_8));
        publish("exercícios.txt", "1) Abra um socket.\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        if (classroom != null) { // null when the browser could not start
            classroom.close();
        }
    }

    private void publish(String name, byte[] bytes) throws Exception {
        as(classroom.teacher().upload(new ClassId(1010), new MaterialName(name), bytes.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                new ByteArrayInputStream(bytes), sent -> { }), Response.Uploaded.class);
    }

    @Test
    void aStudent_seesTheMaterials_andAsksTheTeacher_fromAPhone(Browser phone) {
        phone.driver().get(classroom.url("/s/1010"));
        phone.screenshot("student-class-phone");
        String firstLink = phone.driver().findElement(By.cssSelector("#materials a")).getDomAttribute("href");
        String listed = phone.driver().findElement(By.id("materials")).getText();

        phone.driver().findElement(By.id("matricula")).sendKeys("042191010");
        phone.driver().findElement(By.id("text")).sendKeys("Professora, a lista 3 vale nota?");
        Classroom.clickToLeave(phone, phone.driver().findElement(By.id("send")));
        Classroom.waitFor(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));

        assertThat(firstLink).isEqualTo("/api/v1/classes/1010/materials/Aula%203%20-%20sockets.pdf");
        assertThat(listed).contains("Aula 3 - sockets.pdf").contains("13 B").contains("exercícios.txt");
        assertThat(phone.driver().findElement(By.id("result")).getText()).startsWith("Message 1 delivered at");
        assertThat((Long) ((JavascriptExecutor) phone.driver()).executeScript(
                "return document.documentElement.scrollWidth")).as("fits a 360 px phone").isLessThanOrEqualTo(360L);
        assertThat(as(classroom.teacher().inbox(new ClassId(1010), false), Response.Inbox.class).messages())
                .extracting(m -> m.text().value()).containsExactly("Professora, a lista 3 vale nota?");
    }

    /** A question too long is refused as such, never cut short by the browser and sent as if whole. */
    @Test
    void aQuestionTooLong_isRefusedWithTheLimit_notCutShort(Browser phone) {
        phone.driver().get(classroom.url("/s/1010"));
        phone.driver().findElement(By.id("matricula")).sendKeys("042191010");
        ((JavascriptExecutor) phone.driver()).executeScript(
                "document.getElementById('text').value = 'a'.repeat(3000);");
        Classroom.clickToLeave(phone, phone.driver().findElement(By.id("send")));
        Classroom.waitFor(phone).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));

        assertThat(phone.driver().findElement(By.cssSelector(".error-summary")).getText())
                .contains("at most 2000 characters").contains("3000");
        assertThat(phone.driver().findElement(By.id("text")).getDomProperty("value")).hasSize(3000);
        assertThat(phone.driver().findElement(By.id("text")).getDomAttribute("maxlength"))
                .as("a maxlength would cut a pasted question short, silently").isNull();
        assertThat(as(classroom.teacher().inbox(new ClassId(1010), false), Response.Inbox.class).messages()).isEmpty();
    }
}
