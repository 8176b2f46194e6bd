package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallStore.StoredRollCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.BRUNO;
import static chamada.store.Stores.await;
import static chamada.store.Stores.awaitFailure;
import static chamada.store.Stores.checkIn;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a {@link SqliteRollCallStore} writes, it reads back, also after closing and reopening the file. */
class SqliteRollCallStoreTest {

    @TempDir
    Path dir;

    private SqliteRollCallStore open() {
        return SqliteRollCallStore.open(dir.resolve("chamada.db"), Stores.ZONE);
    }

    @Test
    void openRollCalls_afterReopen_returnsCheckInsInArrivalOrderWithLeadingZeros() {
        List<CheckIn> arrivals = List.of(checkIn("042191010", 1_001), checkIn("42191010", 1_002),
                checkIn("0007", 1_003), checkIn("00000000000000000001", 1_004), checkIn("5", 1_005));
        long id;
        try (SqliteRollCallStore store = open()) {
            id = store.newRollCallId();
            await(store.open(id, classId(1010), ANA, time(1_000)));
            arrivals.forEach(c -> await(store.checkIn(id, c)));
        }

        try (SqliteRollCallStore store = open()) {
            assertThat(store.openRollCalls()).containsExactly(new StoredRollCall(id,
                    new RollCall(classId(1010), ANA, time(1_000), Optional.empty(), arrivals)));
        }
    }

    @Test
    void openRollCalls_afterCheckInsOnBothSidesOfARestart_keepsArrivalOrder() {
        long id;
        try (SqliteRollCallStore store = open()) {
            id = store.newRollCallId();
            await(store.open(id, classId(7), ANA, time(1_000)));
            await(store.checkIn(id, checkIn("3", 1_001)));
            await(store.checkIn(id, checkIn("1", 1_002)));
        }
        try (SqliteRollCallStore store = open()) {
            await(store.checkIn(id, checkIn("2", 1_003)));
        }

        try (SqliteRollCallStore store = open()) {
            assertThat(store.openRollCalls().getFirst().rollCall().present())
                    .extracting(c -> c.matricula().value())
                    .containsExactly("3", "1", "2");
        }
    }

    @Test
    void openRollCalls_withNoCheckIns_returnsItEmpty() {
        try (SqliteRollCallStore store = open()) {
            long id = store.newRollCallId();
            await(store.open(id, classId(3), BRUNO, time(5_000)));

            assertThat(store.openRollCalls()).containsExactly(new StoredRollCall(id,
                    new RollCall(classId(3), BRUNO, time(5_000), Optional.empty(), List.of())));
        }
    }

    @Test
    void history_afterReopen_listsClosedRollCallsOfTheClassOldestFirstWithCounts() {
        try (SqliteRollCallStore store = open()) {
            // Stored out of time order (as after a clock step back), so "oldest first" cannot pass by accident of ids.
            long later = store.newRollCallId();
            await(store.open(later, classId(1), ANA, time(20_000)));
            await(store.checkIn(later, checkIn("1", 20_001)));
            await(store.close(later, time(21_000)));
            long earlier = store.newRollCallId();
            await(store.open(earlier, classId(1), BRUNO, time(10_000)));
            await(store.checkIn(earlier, checkIn("1", 10_001)));
            await(store.checkIn(earlier, checkIn("2", 10_002)));
            await(store.close(earlier, time(11_000)));
            long empty = store.newRollCallId();
            await(store.open(empty, classId(1), ANA, time(30_000)));
            await(store.close(empty, time(31_000)));
            long otherClass = store.newRollCallId();
            await(store.open(otherClass, classId(2), ANA, time(10_500)));
            await(store.checkIn(otherClass, checkIn("9", 10_501)));
            await(store.close(otherClass, time(11_500)));
            long stillOpen = store.newRollCallId();
            await(store.open(stillOpen, classId(1), ANA, time(40_000)));
            await(store.checkIn(stillOpen, checkIn("1", 40_001)));
        }

        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.history(classId(1)))).containsExactly(
                    new PastRollCall(classId(1), BRUNO, time(10_000), time(11_000), 2),
                    new PastRollCall(classId(1), ANA, time(20_000), time(21_000), 1),
                    new PastRollCall(classId(1), ANA, time(30_000), time(31_000), 0));
            assertThat(await(store.history(classId(2)))).containsExactly(
                    new PastRollCall(classId(2), ANA, time(10_500), time(11_500), 1));
            assertThat(await(store.history(classId(99)))).isEmpty();
        }
    }

    @Test
    void closedRollCalls_afterReopen_returnEachWithCheckInsInArrivalOrder() {
        try (SqliteRollCallStore store = open()) {
            long first = store.newRollCallId();
            long second = store.newRollCallId();
            await(store.open(first, classId(5), ANA, time(1_000)));
            await(store.checkIn(first, checkIn("0200", 1_001)));
            await(store.checkIn(first, checkIn("0100", 1_002)));
            await(store.close(first, time(2_000)));
            await(store.open(second, classId(5), ANA, time(3_000)));
            await(store.close(second, time(4_000)));
        }

        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.closedRollCalls(classId(5)))).containsExactly(
                    new RollCall(classId(5), ANA, time(1_000), Optional.of(time(2_000)),
                            List.of(checkIn("0200", 1_001), checkIn("0100", 1_002))),
                    new RollCall(classId(5), ANA, time(3_000), Optional.of(time(4_000)), List.of()));
            assertThat(store.openRollCalls()).isEmpty();
        }
    }

    @Test
    void reads_afterAWriteCompletes_seeIt() {
        try (SqliteRollCallStore store = open()) {
            for (int i = 1; i <= 20; i++) {
                long id = store.newRollCallId();
                await(store.open(id, classId(8), ANA, time(i * 1_000L)));
                await(store.close(id, time(i * 1_000L + 1)));

                assertThat(await(store.history(classId(8)))).hasSize(i);
            }
        }
    }

    @Test
    void times_writtenWithAnyOffset_areReadBackAsTheSameInstantInTheStoreZone() {
        OffsetDateTime openedUtc = OffsetDateTime.of(2025, 3, 10, 12, 30, 15, 123_000_000, ZoneOffset.UTC);
        try (SqliteRollCallStore store = open()) {
            long id = store.newRollCallId();
            await(store.open(id, classId(1), ANA, openedUtc));

            OffsetDateTime read = store.openRollCalls().getFirst().rollCall().openedAt();
            assertThat(read.toInstant()).isEqualTo(openedUtc.toInstant());
            assertThat(read.getOffset()).isEqualTo(ZoneOffset.ofHours(-3));
        }
    }

    @Test
    void newRollCallId_afterReopen_neverReusesAnIdThatWasStored() {
        List<Long> stored = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            try (SqliteRollCallStore store = open()) {
                long id = store.newRollCallId();
                await(store.open(id, classId(run + 1), ANA, time(1_000)));
                stored.add(id);
                store.newRollCallId(); // handed out, never opened: nothing durable refers to it
                store.newRollCallId();
            }
        }

        assertThat(stored).doesNotHaveDuplicates().isSorted();
        try (SqliteRollCallStore store = open()) {
            assertThat(store.newRollCallId()).isGreaterThan(stored.getLast());
        }
    }

    @Test
    void checkIn_intoAnUnknownRollCall_failsOnlyItsOwnFuture() {
        try (SqliteRollCallStore store = open()) {
            long id = store.newRollCallId();
            await(store.open(id, classId(1), ANA, time(1_000)));
            List<CompletableFuture<Void>> good = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                good.add(store.checkIn(id, checkIn("1" + i, 2_000 + i)));
            }
            CompletableFuture<Void> bad = store.checkIn(id + 1_000, checkIn("999", 3_000));
            for (int i = 50; i < 100; i++) {
                good.add(store.checkIn(id, checkIn("1" + i, 2_000 + i)));
            }

            assertThat(awaitFailure(bad)).hasMessageContaining("roll call " + (id + 1_000));
            good.forEach(Stores::await);
            assertThat(store.openRollCalls().getFirst().rollCall().present()).hasSize(100);
        }
    }

    @Test
    void checkIn_sameMatriculaTwice_failsTheSecond() {
        try (SqliteRollCallStore store = open()) {
            long id = store.newRollCallId();
            await(store.open(id, classId(1), ANA, time(1_000)));
            CompletableFuture<Void> first = store.checkIn(id, checkIn("0042", 1_001));
            CompletableFuture<Void> again = store.checkIn(id, checkIn("0042", 1_002));

            await(first);
            assertThat(awaitFailure(again)).hasMessageContaining("already checked in");
            assertThat(store.openRollCalls().getFirst().rollCall().present()).containsExactly(checkIn("0042", 1_001));
        }
    }

    @Test
    void checkIn_afterTheRollCallClosed_fails() {
        try (SqliteRollCallStore store = open()) {
            long id = store.newRollCallId();
            await(store.open(id, classId(1), ANA, time(1_000)));
            await(store.close(id, time(2_000)));

            assertThat(awaitFailure(store.checkIn(id, checkIn("1", 3_000)))).hasMessageContaining("closed");
            assertThat(awaitFailure(store.close(id, time(4_000)))).hasMessageContaining("already closed");
        }
    }

    @Test
    void open_secondRollCallForAClassStillOpen_fails() {
        try (SqliteRollCallStore store = open()) {
            long first = store.newRollCallId();
            await(store.open(first, classId(1), ANA, time(1_000)));

            assertThat(awaitFailure(store.open(store.newRollCallId(), classId(1), BRUNO, time(2_000))))
                    .hasMessageContaining("already has an open roll call");
            await(store.close(first, time(3_000)));
            await(store.open(store.newRollCallId(), classId(1), BRUNO, time(4_000)));
        }
    }

    @Test
    void writesAndReads_afterClose_failWithStoreIsClosed() {
        SqliteRollCallStore store = open();
        long id = store.newRollCallId();
        await(store.open(id, classId(1), ANA, time(1_000)));
        store.close();

        assertThat(awaitFailure(store.open(store.newRollCallId(), classId(2), ANA, time(1_000))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("store is closed");
        assertThat(awaitFailure(store.checkIn(id, checkIn("1", 1_001))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("store is closed");
        assertThat(awaitFailure(store.close(id, time(2_000))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("store is closed");
        assertThat(awaitFailure(store.history(classId(1)))).hasMessageContaining("store is closed");
        assertThatThrownBy(store::openRollCalls).hasMessageContaining("store is closed");
    }

    @Test
    void close_withWritesStillQueued_commitsThemBeforeReturning() {
        long id;
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        try (SqliteRollCallStore store = open()) {
            id = store.newRollCallId();
            pending.add(store.open(id, classId(1), ANA, time(1_000)));
            for (int i = 0; i < 2_500; i++) {
                pending.add(store.checkIn(id, checkIn(Integer.toString(i), 1_001 + i)));
            }
            pending.add(store.close(id, time(9_000)));
        }

        assertThat(pending).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        try (SqliteRollCallStore store = open()) {
            assertThat(await(store.history(classId(1)))).extracting(PastRollCall::count).containsExactly(2_500);
        }
    }

    @Test
    void close_calledTwice_isHarmless() {
        SqliteRollCallStore store = open();
        store.close();
        store.close();

        try (SqliteRollCallStore reopened = open()) {
            assertThat(reopened.openRollCalls()).isEmpty();
        }
    }

    @Test
    void describe_namesTheAbsolutePath() {
        try (SqliteRollCallStore store = open()) {
            assertThat(store.describe()).isEqualTo("SQLite " + dir.resolve("chamada.db").toAbsolutePath());
        }
    }
}
