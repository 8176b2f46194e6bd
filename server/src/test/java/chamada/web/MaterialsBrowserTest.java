package chamada.web;

import chamada.materials.Material;
import chamada.materials.MaterialLimits;
import chamada.materials.MaterialName;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.server.MaterialsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class's materials on its teacher's page in Chromium: files dropped on the zone and chosen
 * with the file picker are published, each with its progress bar, and a phone-sized Chromium
 * downloads them whole; a refused file says why in its row; the remove button takes a file
 * away. Screenshot: {@code materials-teacher}.
 */
class MaterialsBrowserTest {

    private static final ClassId CLASS = new ClassId(1010);
    /** Small enough for the test's too-large file to be cheap, large enough for its video. */
    private static final long MAX_FILE_BYTES = 80 * MaterialLimits.MIB;
    private static final int VIDEO_BYTES = 64 * (int) MaterialLimits.MIB;
    /** A large file goes over loopback in seconds; the page waits are for pages, not for uploads. */
    private static final Duration TRANSFER_WAIT = Duration.ofMinutes(2);
    private static final String PDF = "%PDF-1.4\n% Aula 3: sockets\n%%EOF\n";

    @RegisterExtension
    static final SharedBrowser BROWSERS = new SharedBrowser(WindowSize.PROJECTOR, WindowSize.PHONE);

    @TempDir
    Path dir;

    private Classroom classroom;

    @BeforeEach
    void start(Browser teacher, Browser phone) {
        classroom = Classroom.start(dir, config -> config.withMaterials(new MaterialsConfig(
                Optional.of(dir.resolve("materials")), new MaterialLimits(MAX_FILE_BYTES, 4 * MAX_FILE_BYTES))),
                teacher, phone);
    }

    @AfterEach
    void stop() {
        if (classroom != null) { // null when the browser could not start
            classroom.close();
        }
    }

    @Test
    void filesDroppedAndChosen_arePublished_andAPhoneDownloadsThemWhole(Browser teacher, Browser phone)
            throws Exception {
        Path video = dir.resolve("Aula 3 - vídeo.mp4");
        String videoSha256 = writeRandom(video, VIDEO_BYTES);
        classroom.logIn(teacher);
        teacher.driver().get(classroom.url("/classes/1010"));
        Classroom.clickToLeave(teacher, teacher.driver().findElement(By.id("materials")));

        drop(teacher, "Aula 3 - sockets.pdf", "application/pdf", PDF);
        teacher.driver().findElement(By.id("files")).sendKeys(video.toString());
        List<WebElement> rows = awaitAnswers(teacher, 2);
        new WebDriverWait(teacher.driver(), Classroom.PAGE_WAIT).until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("#materials tbody tr"), 2));
        teacher.screenshot("materials-teacher");

        assertThat(rows).extracting(row -> row.getDomAttribute("data-state")).containsOnly("published");
        assertThat(rows).extracting(WebElement::getText)
                .containsExactly("Aula 3 - sockets.pdf: published.", "Aula 3 - vídeo.mp4: published.");
        List<Material> published = as(classroom.teacher().materials(CLASS), Response.Materials.class).materials();
        assertThat(published).extracting(m -> m.name().value(), Material::size, Material::sha256).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Aula 3 - sockets.pdf", (long) PDF.length(), sha256(PDF)),
                org.assertj.core.groups.Tuple.tuple("Aula 3 - vídeo.mp4", (long) VIDEO_BYTES, videoSha256));
        assertThat(published).extracting(m -> m.publishedBy().value()).containsOnly(Classroom.TEACHER);

        Path downloads = Files.createDirectory(dir.resolve("downloads"));
        phone.downloadTo(downloads);
        phone.driver().get(classroom.url("/s/1010"));
        phone.driver().findElement(By.linkText("Aula 3 - vídeo.mp4")).click();
        Path downloaded = downloads.resolve("Aula 3 - vídeo.mp4");
        new WebDriverWait(phone.driver(), TRANSFER_WAIT).until(page -> Files.exists(downloaded));

        assertThat(sha256Of(downloaded)).isEqualTo(videoSha256);
    }

    @Test
    void aRefusedFile_saysWhyInItsRow_andTheOthersArePublished(Browser teacher) {
        classroom.logIn(teacher);
        teacher.driver().get(classroom.url("/classes/1010/materials"));

        drop(teacher, "50%.txt", "text/plain", "cinquenta por cento");
        ((JavascriptExecutor) teacher.driver()).executeScript("""
                var transfer = new DataTransfer();
                transfer.items.add(new File([new Uint8Array(arguments[0])], "grande.mp4", {type: "video/mp4"}));
                document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer,
                    bubbles: true, cancelable: true}));""", MAX_FILE_BYTES + 1);
        drop(teacher, "roteiro.txt", "text/plain", "1) Abra um socket.\n");
        List<WebElement> rows = awaitAnswers(teacher, 3);

        assertThat(rows).extracting(row -> row.getDomAttribute("data-state"))
                .containsExactly("failed", "failed", "published");
        assertThat(rows.get(0).getText())
                .isEqualTo("50%.txt: a file name with % cannot go in a web address; rename the file, then send it again.");
        assertThat(rows.get(1).getText()).startsWith("grande.mp4: ").contains("80");
        assertThat(as(classroom.teacher().materials(CLASS), Response.Materials.class).materials())
                .extracting(m -> m.name().value()).containsExactly("roteiro.txt");
    }

    @Test
    void theRemoveButton_asksFirst_thenTakesTheFileAwayFromTheStudents(Browser teacher) throws Exception {
        byte[] bytes = PDF.getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("aula 1.pdf", "aula 2.pdf")) {
            as(classroom.teacher().upload(CLASS, new MaterialName(name), bytes.length, sha256(PDF),
                    new ByteArrayInputStream(bytes), sent -> { }), Response.Uploaded.class);
        }
        classroom.logIn(teacher);
        teacher.driver().get(classroom.url("/classes/1010/materials"));

        teacher.driver().findElement(By.cssSelector("button[aria-label='Remove aula 2.pdf']")).click();
        Alert second = Classroom.waitFor(teacher).until(ExpectedConditions.alertIsPresent());
        String asked = second.getText();
        second.dismiss();
        WebElement remove = teacher.driver().findElement(By.cssSelector("button[aria-label='Remove aula 1.pdf']"));
        remove.click();
        Classroom.waitFor(teacher).until(ExpectedConditions.alertIsPresent()).accept();
        Classroom.waitFor(teacher).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(remove));

        assertThat(asked).isEqualTo("Remove aula 2.pdf? Students will no longer see it.");
        assertThat(teacher.driver().findElement(By.id("result")).getText())
                .isEqualTo("aula 1.pdf was removed: students no longer see it.");
        assertThat(teacher.driver().findElements(By.cssSelector("#materials tbody tr"))).hasSize(1);
        assertThat(as(classroom.teacher().materials(CLASS), Response.Materials.class).materials())
                .extracting(m -> m.name().value()).containsExactly("aula 2.pdf");
    }

    /** Drops a file named {@code name} holding {@code text} on the page's zone, as a drag from the desktop does. */
    private static void drop(Browser browser, String name, String type, String text) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                var transfer = new DataTransfer();
                transfer.items.add(new File([arguments[2]], arguments[0], {type: arguments[1]}));
                document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer,
                    bubbles: true, cancelable: true}));""", name, type, text);
    }

    /** Waits until {@code count} uploads have their answer, and returns their rows in the order they were added. */
    private static List<WebElement> awaitAnswers(Browser browser, int count) {
        new WebDriverWait(browser.driver(), TRANSFER_WAIT).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#uploads li[data-state]"), count));
        return browser.driver().findElements(By.cssSelector("#uploads li"));
    }

    private static String writeRandom(Path file, int size) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(14);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
                digest.update(chunk);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256Of(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
