package chamada.store;

import chamada.privacy.ForgetResult;
import chamada.privacy.PrivacyStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store keeps a student's data-protection rights; and once a forget is answered,
 * not one file of it, the database, its write-ahead log or a journal segment, holds the
 * student's matrícula, name or the reason written about them.
 */
class JournalPrivacyContractTest extends PrivacyStoreContract {

    @TempDir
    Path folder;

    @Override
    protected ChamadaStore openStore() {
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }

    @Override
    protected ChamadaStore reopen(ChamadaStore store) {
        store.close();
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }

    @Test
    void forget_leavesNoTraceInAnyFile_whileServing_andAfterTheClose() throws IOException {
        twoLessons();
        assertThat(filesHolding(STUDENT.value())).as("the test's search finds the student before").isNotEmpty();
        assertThat(filesHolding(NAME)).isNotEmpty();

        assertThat(await(store.forget(forget()))).isInstanceOf(ForgetResult.Forgotten.class);

        assertThat(filesHolding(STUDENT.value())).isEmpty();
        assertThat(filesHolding(NAME)).isEmpty();
        assertThat(filesHolding(REASON)).isEmpty();
        await(store.checkIn(CLASS, new chamada.rollcall.Matricula("8"), tick()));
        store.close();
        store = openStore();
        assertThat(filesHolding(STUDENT.value())).isEmpty();
        assertThat(filesHolding(NAME)).isEmpty();
    }

    private List<Path> filesHolding(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return false; // deleted meanwhile: it holds nothing now
        }
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
