package chamada.store;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCall;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static chamada.store.Stores.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database copy a backup is made of: taken right after writes are acknowledged, while the
 * applier still holds them back (it gathers for up to a second), it has every one of them, and it
 * opens as a store with no journal of its own.
 */
class SqliteDatabaseCopyTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final int CHECK_INS = 300;

    @TempDir
    Path dir;

    @Test
    void copyDatabaseTo_rightAfterAcknowledgedWrites_holdsThemAll() {
        Path copy = dir.resolve("copy").resolve("chamada.db");
        OffsetDateTime at = OffsetDateTime.now(Stores.ZONE);
        try (SqliteRollCallStore store = SqliteRollCallStore.open(dir.resolve("chamada.db"), Stores.ZONE)) {
            await(store.open(CLASS, new TeacherName("ana"), at));
            List<CompletableFuture<?>> checkIns = new ArrayList<>();
            for (int n = 0; n < CHECK_INS; n++) {
                checkIns.add(store.checkIn(CLASS, new Matricula(String.format("%09d", n)), at.plusSeconds(1)));
            }
            checkIns.forEach(Stores::await);
            copy.getParent().toFile().mkdirs();

            await(store.copyDatabaseTo(copy));
        }

        try (SqliteRollCallStore restored = SqliteRollCallStore.open(copy, Stores.ZONE)) {
            RollCall open = await(restored.openRollCall(CLASS)).orElseThrow();
            assertThat(open.present()).hasSize(CHECK_INS);
        }
    }
}
