package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallStore.StoredRollCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.BRUNO;
import static chamada.store.Stores.await;
import static chamada.store.Stores.checkIn;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of opens, check-ins (some refused) and closes, with restarts in between,
 * checked against a model in memory. Each seed is a fixed, repeatable sequence; a failing
 * seed is named in the test's display name.
 */
class SqliteRandomHistoryTest {

    private static final int STEPS = 600;
    private static final int CLASSES = 4;
    /** Few students, with leading-zero look-alikes, so that duplicates and "0042" vs "42" both happen. */
    private static final List<String> STUDENTS = List.of("42", "042", "0042", "7", "07", "123456", "9", "10", "010");

    @TempDir
    Path dir;

    /** A write submitted and whether the model says it must succeed. */
    private record Expected(String what, CompletableFuture<Void> future, boolean succeeds) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2025, 31337})
    void randomOperations_withRestarts_readBackExactlyAsTheModel(long seed) {
        Random random = new Random(seed);
        Path file = dir.resolve("chamada.db");
        Map<Integer, StoredRollCall> open = new HashMap<>();       // class -> roll call being built
        Map<Integer, List<RollCall>> closed = new HashMap<>();     // class -> closed, oldest first
        List<Long> closedIds = new ArrayList<>();
        List<Expected> submitted = new ArrayList<>();
        long clock = 1_000;

        SqliteRollCallStore store = SqliteRollCallStore.open(file, Stores.ZONE);
        try {
            for (int step = 0; step < STEPS; step++) {
                int classId = 1 + random.nextInt(CLASSES);
                StoredRollCall current = open.get(classId);
                int dice = random.nextInt(100);
                clock += 1 + random.nextInt(5);
                if (dice < 2) {
                    store.close(); // without waiting: close itself must make every accepted write durable
                    assertThat(submitted).allMatch(e -> e.future().isDone());
                    store = SqliteRollCallStore.open(file, Stores.ZONE);
                } else if (current == null) {
                    long id = store.newRollCallId();
                    RollCall rollCall = new RollCall(new ClassId(classId), random.nextBoolean() ? ANA : BRUNO,
                            time(clock), Optional.empty(), List.of());
                    submitted.add(new Expected("open " + id, store.open(id, rollCall.classId(), rollCall.teacher(),
                            rollCall.openedAt()), true));
                    open.put(classId, new StoredRollCall(id, rollCall));
                } else if (dice < 10) {
                    RollCall r = current.rollCall();
                    submitted.add(new Expected("close " + current.id(), store.close(current.id(), time(clock)), true));
                    closed.computeIfAbsent(classId, c -> new ArrayList<>())
                            .add(new RollCall(r.classId(), r.teacher(), r.openedAt(), Optional.of(time(clock)), r.present()));
                    closedIds.add(current.id());
                    open.remove(classId);
                } else if (dice < 14 && !closedIds.isEmpty()) {
                    long id = closedIds.get(random.nextInt(closedIds.size()));
                    submitted.add(new Expected("check-in into closed " + id, store.checkIn(id, checkIn("1", clock)), false));
                } else {
                    CheckIn checkIn = checkIn(STUDENTS.get(random.nextInt(STUDENTS.size())), clock);
                    RollCall r = current.rollCall();
                    boolean fresh = r.present().stream().noneMatch(c -> c.matricula().equals(checkIn.matricula()));
                    submitted.add(new Expected("check-in " + checkIn.matricula() + " into " + current.id(),
                            store.checkIn(current.id(), checkIn), fresh));
                    if (fresh) {
                        List<CheckIn> present = new ArrayList<>(r.present());
                        present.add(checkIn);
                        open.put(classId, new StoredRollCall(current.id(),
                                new RollCall(r.classId(), r.teacher(), r.openedAt(), r.closedAt(), present)));
                    }
                }
            }

            for (Expected expected : submitted) {
                expected.future().handle((ok, failure) -> null).join();
                assertThat(expected.future().isCompletedExceptionally())
                        .as("%s fails", expected.what()).isEqualTo(!expected.succeeds());
            }
            store.close();
            store = SqliteRollCallStore.open(file, Stores.ZONE);

            Map<Long, StoredRollCall> expectedOpen = new LinkedHashMap<>();
            open.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(s -> expectedOpen.put(s.id(), s));
            assertThat(store.openRollCalls()).containsExactlyElementsOf(expectedOpen.values());
            for (int c = 1; c <= CLASSES; c++) {
                List<RollCall> expectedClosed = closed.getOrDefault(c, List.of());
                assertThat(await(store.closedRollCalls(new ClassId(c)))).containsExactlyElementsOf(expectedClosed);
                assertThat(await(store.history(new ClassId(c)))).containsExactlyElementsOf(expectedClosed.stream()
                        .map(r -> new PastRollCall(r.classId(), r.teacher(), r.openedAt(), r.closedAt().orElseThrow(),
                                r.present().size()))
                        .toList());
            }
        } finally {
            store.close();
        }
    }
}
