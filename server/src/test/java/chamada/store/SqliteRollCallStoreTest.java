package chamada.store;

import chamada.rollcall.CheckInResult;
import chamada.rollcall.CloseResult;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.StoreFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.awaitFailure;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the embedded store alone has to keep, beyond the store contract
 * ({@link JournalStoreContractTest}): times kept as epoch milliseconds and read back in its
 * zone, its file named by path, and how it closes.
 */
class SqliteRollCallStoreTest {

    @TempDir
    Path dir;

    private SqliteRollCallStore open() {
        return SqliteRollCallStore.open(dir.resolve("chamada.db"), Stores.ZONE);
    }

    @Test
    void times_writtenWithAnyOffset_areReadBackAsTheSameInstantInTheStoreZone() {
        OffsetDateTime openedUtc = OffsetDateTime.of(2025, 3, 10, 12, 30, 15, 123_000_000, ZoneOffset.UTC);
        OffsetDateTime closedInTokyo = OffsetDateTime.of(2025, 3, 10, 22, 0, 0, 0, ZoneOffset.ofHours(9));
        try (SqliteRollCallStore store = open()) {
            await(store.open(classId(1), ANA, openedUtc));
            await(store.close(classId(1), ANA, closedInTokyo));
        }

        try (SqliteRollCallStore store = open()) {
            PastRollCall read = await(store.history(classId(1))).getFirst();
            assertThat(read.openedAt().toInstant()).isEqualTo(openedUtc.toInstant());
            assertThat(read.closedAt().toInstant()).isEqualTo(closedInTokyo.toInstant());
            assertThat(List.of(read.openedAt().getOffset(), read.closedAt().getOffset()))
                    .containsOnly(ZoneOffset.ofHours(-3));
        }
    }

    @Test
    void writesAndReads_afterClose_failUnavailable() {
        SqliteRollCallStore store = open();
        await(store.open(classId(1), ANA, time(1_000)));
        store.close();

        List<CompletableFuture<?>> calls = List.of(
                store.open(classId(2), ANA, time(2_000)),
                store.checkIn(classId(1), new Matricula("1"), time(2_001)),
                store.close(classId(1), ANA, time(2_002)),
                store.openRollCall(classId(1)),
                store.history(classId(1)),
                store.closedRollCalls(classId(1)));

        assertThat(calls).allSatisfy(call -> assertThat(awaitFailure(call)).isInstanceOfSatisfying(StoreFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.UNAVAILABLE)));
    }

    @Test
    void close_withWritesStillQueued_makesThemDurableBeforeReturning() {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        try (SqliteRollCallStore store = open()) {
            pending.add(store.open(classId(1), ANA, time(1_000)));
            for (int i = 0; i < 2_500; i++) {
                pending.add(store.checkIn(classId(1), new Matricula(Integer.toString(i)), time(1_001 + i)));
            }
            pending.add(store.close(classId(1), ANA, time(9_000)));
        }

        assertThat(pending).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(pending.getFirst().join()).isInstanceOf(OpenResult.Opened.class);
        assertThat(pending.subList(1, 2_501)).allMatch(f -> f.join() instanceof CheckInResult.Registered);
        assertThat(pending.getLast().join()).isInstanceOf(CloseResult.Closed.class);
        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.history(classId(1)))).extracting(PastRollCall::count).containsExactly(2_500);
        }
    }

    @Test
    void close_calledTwice_isHarmless() {
        SqliteRollCallStore store = open();
        await(store.open(classId(1), ANA, time(1_000)));
        store.close();

        store.close();

        try (SqliteRollCallStore reopened = open()) {
            assertThat(await(reopened.openRollCall(classId(1)))).isPresent();
        }
    }

    @Test
    void describe_namesTheAbsolutePath() {
        try (SqliteRollCallStore store = open()) {
            assertThat(store.describe()).isEqualTo("SQLite " + dir.resolve("chamada.db").toAbsolutePath());
        }
    }
}
