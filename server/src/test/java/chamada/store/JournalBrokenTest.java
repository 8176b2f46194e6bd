package chamada.store;

import chamada.i18n.Lang;
import chamada.rollcall.Matricula;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.StoreHealth;
import chamada.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.awaitFailure;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the journal cannot be written (here: a file stands where its folder must be made), the
 * write is refused as certainly not made, every later request is refused as the store being
 * unusable, it is said once in the log, and the store reports itself unhealthy.
 */
class JournalBrokenTest {

    @TempDir
    Path dir;

    @Test
    void write_journalCannotBeWritten_isNotMadeThenTheStoreIsUnavailableAndUnhealthy() throws Exception {
        Path database = dir.resolve("chamada.db");
        Files.writeString(JournalFiles.of(database).folder(), "in the way");

        try (CapturedLog log = CapturedLog.of(JournalWriter.class);
             SqliteRollCallStore store = SqliteRollCallStore.open(database, Stores.ZONE)) {
            Throwable first = awaitFailure(store.open(classId(1), ANA, time(1_000)));
            Throwable later = awaitFailure(store.checkIn(classId(1), new Matricula("7"), time(2_000)));
            Throwable read = awaitFailure(store.openRollCall(classId(1)));

            assertThat(first).isInstanceOfSatisfying(StoreFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.NOT_MADE));
            assertThat(later).isInstanceOfSatisfying(StoreFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.UNAVAILABLE));
            assertThat(read).isInstanceOfSatisfying(StoreFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.UNAVAILABLE));
            assertThat(log.lines()).filteredOn(line -> line.startsWith("ERROR")).hasSize(1);
            assertThat(store.health()).isInstanceOfSatisfying(StoreHealth.Unhealthy.class, unhealthy -> {
                assertThat(unhealthy.problem()).isEqualTo(StoreProblem.JOURNAL_BROKEN);
                assertThat(unhealthy.message(Lang.EN)).contains(JournalFiles.of(database).folder().toString());
                assertThat(unhealthy.message(Lang.PT_BR)).contains("nenhuma alteração é aceita");
            });
        }
    }
}
