package chamada.store.postgres;

import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CloseResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCallStore;
import chamada.rollcall.TeacherName;
import chamada.store.SqliteRollCallStore;
import chamada.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store and the PostgreSQL store decide every request alike. A seeded random
 * stream of opens, closes and check-ins (a few matrículas, a few phones, times that step over
 * the device's replacement window) is sent to each store without waiting, as pipelined clients
 * would, so PostgreSQL decides runs of them in one transaction; every outcome, and every roll
 * call closed, must be the same on both. Only the ids may differ: each store promises an id
 * never given before, not the next number (PostgreSQL's identity skips those a refused open drew).
 */
class StoresDecideAlikeTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final ClassId CLASS = new ClassId(1010);
    private static final TeacherName ANA = new TeacherName("ana");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void everyOutcome_isTheSameOnBothStores(long seed) {
        List<Function<RollCallStore, CompletableFuture<?>>> requests = requests(new Random(seed));
        try (SqliteRollCallStore embedded = SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
             PostgresStore postgres = PostgresStore.open(TestPostgres.freshDatabase(), Optional.empty(), ZONE)) {
            List<Object> onEmbedded = outcomes(embedded, requests);
            List<Object> onPostgres = outcomes(postgres, requests);

            assertThat(onEmbedded).as("the stream reaches every rule")
                    .hasAtLeastOneElementOfType(CheckInResult.Replaced.class)
                    .hasAtLeastOneElementOfType(CheckInResult.DeviceAlreadyUsed.class)
                    .hasAtLeastOneElementOfType(CheckInResult.AlreadyRegistered.class)
                    .hasAtLeastOneElementOfType(CheckInResult.NotOpen.class)
                    .hasAtLeastOneElementOfType(CloseResult.Closed.class);
            for (int i = 0; i < requests.size(); i++) {
                assertThat(onPostgres.get(i)).as("request %d (seed %d)", i, seed).isEqualTo(onEmbedded.get(i));
            }
        }
    }

    private static List<Object> outcomes(RollCallStore store, List<Function<RollCallStore, CompletableFuture<?>>> requests) {
        List<CompletableFuture<?>> sent = requests.stream().<CompletableFuture<?>>map(request -> request.apply(store)).toList();
        List<Object> outcomes = new ArrayList<>();
        for (CompletableFuture<?> future : sent) {
            Object outcome = future.orTimeout(30, TimeUnit.SECONDS).join();
            outcomes.add(outcome instanceof OpenResult.Opened opened
                    ? new OpenResult.Opened(0, opened.classId(), opened.teacher(), opened.openedAt(), opened.rules())
                    : outcome);
        }
        return outcomes;
    }

    private static List<Function<RollCallStore, CompletableFuture<?>>> requests(Random random) {
        List<DeviceId> phones = List.of(new DeviceId("phone-of-ana-0000001"), new DeviceId("phone-of-bia-0000002"),
                new DeviceId("phone-of-caio-000003"));
        List<Function<RollCallStore, CompletableFuture<?>>> requests = new ArrayList<>();
        long clock = 1_764_000_000_000L;
        requests.add(open(clock));
        for (int i = 0; i < 400; i++) {
            clock += random.nextInt(4) == 0 ? 50_000 : 1_000;
            long at = clock;
            int kind = random.nextInt(100);
            if (kind < 3) {
                requests.add(store -> store.close(CLASS, ANA, time(at)));
            } else if (kind < 6) {
                requests.add(open(at));
            } else {
                Matricula matricula = new Matricula("0" + random.nextInt(8));
                Optional<DeviceId> device = random.nextInt(3) == 0 ? Optional.empty()
                        : Optional.of(phones.get(random.nextInt(phones.size())));
                requests.add(store -> store.checkIn(new CheckInAttempt(CLASS, matricula, Optional.empty(), device,
                        time(at))));
            }
        }
        long end = clock + 1_000;
        requests.add(store -> store.close(CLASS, ANA, time(end)));
        return requests;
    }

    private static Function<RollCallStore, CompletableFuture<?>> open(long at) {
        return store -> store.open(CLASS, ANA, time(at));
    }

    private static OffsetDateTime time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toOffsetDateTime();
    }
}
