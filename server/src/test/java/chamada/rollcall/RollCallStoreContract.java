package chamada.rollcall;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link RollCallStore} keeps, as its Javadoc states it: each outcome, the
 * order of writes, durability across a reopen, races, and reads right after writes. A store
 * runs it by extending this class and saying how to open a fresh store and how to reopen the
 * same data ({@link #openStore}, {@link #reopen}).
 *
 * <p>{@link #reopen} is a clean close and a start: what a crash leaves differs from store to
 * store (a journal cut short, a transaction lost in flight), so each store proves its own crash
 * durability beside this suite; the embedded store with its journal replay tests and the
 * server's kill -9 {@code CrashTest}.
 */
public abstract class RollCallStoreContract {

    /** An offset other than UTC, so a store that loses the zone shows it. */
    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private static final ClassId CLASS = new ClassId(1010);
    private static final ClassId OTHER_CLASS = new ClassId(2020);
    private static final TeacherName ANA = new TeacherName("ana");
    private static final TeacherName BRUNO = new TeacherName("bruno");

    private RollCallStore store;
    private final AtomicLong clock = new AtomicLong(1_764_000_000_000L);

    /** A store on fresh, empty data, reading times back in {@link #ZONE}. */
    protected abstract RollCallStore openStore();

    /** Closes {@code store} and opens the same data again, as a restart would. */
    protected abstract RollCallStore reopen(RollCallStore store);

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void open_classWithoutOpenRollCall_isOpenedByThatTeacherAtThatTime() {
        OffsetDateTime at = tick();

        OpenResult result = await(store.open(CLASS, ANA, at));

        assertThat(result).isInstanceOfSatisfying(OpenResult.Opened.class, opened -> {
            assertThat(opened.classId()).isEqualTo(CLASS);
            assertThat(opened.teacher()).isEqualTo(ANA);
            assertThat(opened.openedAt()).isEqualTo(at);
        });
        assertThat(await(store.openRollCall(CLASS))).hasValueSatisfying(rollCall -> {
            assertThat(rollCall.teacher()).isEqualTo(ANA);
            assertThat(rollCall.openedAt()).isEqualTo(at);
            assertThat(rollCall.present()).isEmpty();
        });
    }

    @Test
    void open_classAlreadyOpen_isAlreadyOpenSinceTheFirstOpening() {
        OffsetDateTime first = tick();
        await(store.open(CLASS, ANA, first));

        OpenResult again = await(store.open(CLASS, BRUNO, tick()));

        assertThat(again).isEqualTo(new OpenResult.AlreadyOpen(CLASS, first));
        assertThat(await(store.openRollCall(CLASS)).orElseThrow().teacher()).isEqualTo(ANA);
    }

    @Test
    void open_afterEachClose_givesAnIdNeverGivenBefore() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(opened(store.open(CLASS, ANA, tick())).id());
            await(store.close(CLASS, ANA, tick()));
        }
        ids.add(opened(store.open(OTHER_CLASS, ANA, tick())).id());

        assertThat(ids).doesNotHaveDuplicates();
    }

    /** The gauge's count (GET /metrics): what the open list holds, through opens, a repeated open, closes and a reopen. */
    @Test
    void openRollCallCount_throughOpensAndCloses_isTheNumberOfOpenRollCalls() {
        int before = await(store.openRollCallCount());
        await(store.open(CLASS, ANA, tick()));
        await(store.open(OTHER_CLASS, ANA, tick()));
        await(store.open(CLASS, BRUNO, tick()));
        int twoOpen = await(store.openRollCallCount());
        await(store.close(CLASS, ANA, tick()));
        int oneOpen = await(store.openRollCallCount());
        store = reopen(store);

        assertThat(before).isZero();
        assertThat(twoOpen).isEqualTo(2);
        assertThat(oneOpen).isEqualTo(1);
        assertThat(await(store.openRollCallCount())).isEqualTo(await(store.openRollCalls()).size()).isEqualTo(1);
    }

    @Test
    void checkIn_openRollCall_isRegisteredAtItsTime() {
        await(store.open(CLASS, ANA, tick()));
        OffsetDateTime at = tick();

        CheckInResult result = await(store.checkIn(CLASS, new Matricula("42191010"), at));

        assertThat(result).isEqualTo(new CheckInResult.Registered(CLASS, at));
    }

    /** Seen by the kill -9 campaign: a check-in stamped when its request was taken, just before the open was decided. */
    @Test
    void checkIn_stampedBeforeItsRollCallOpened_isRegisteredAtTheOpening() {
        OffsetDateTime stamped = tick();
        OffsetDateTime opening = tick();
        await(store.open(CLASS, ANA, opening));

        CheckInResult result = await(store.checkIn(CLASS, new Matricula("7"), stamped));
        store = reopen(store);

        assertThat(result).isEqualTo(new CheckInResult.Registered(CLASS, opening));
        assertThat(await(store.openRollCall(CLASS)).orElseThrow().present()).extracting(CheckIn::at)
                .containsExactly(opening);
    }

    @Test
    void checkIn_sameMatriculaAgain_isAlreadyRegisteredAtTheFirstTime() {
        await(store.open(CLASS, ANA, tick()));
        OffsetDateTime first = tick();
        await(store.checkIn(CLASS, new Matricula("7"), first));

        CheckInResult again = await(store.checkIn(CLASS, new Matricula("7"), tick()));

        assertThat(again).isEqualTo(new CheckInResult.AlreadyRegistered(CLASS, first));
        assertThat(await(store.openRollCall(CLASS)).orElseThrow().present()).hasSize(1);
    }

    @Test
    void checkIn_leadingZeros_areAnotherStudent() {
        await(store.open(CLASS, ANA, tick()));
        await(store.checkIn(CLASS, new Matricula("42191010"), tick()));

        CheckInResult result = await(store.checkIn(CLASS, new Matricula("042191010"), tick()));

        assertThat(result).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void checkIn_classWithoutOpenRollCall_isNotOpenAtTheTimeAsked() {
        OffsetDateTime at = tick();

        CheckInResult result = await(store.checkIn(CLASS, new Matricula("7"), at));

        assertThat(result).isEqualTo(new CheckInResult.NotOpen(CLASS, at));
    }

    @Test
    void checkIn_afterClose_isNotOpen() {
        await(store.open(CLASS, ANA, tick()));
        await(store.close(CLASS, ANA, tick()));

        assertThat(await(store.checkIn(CLASS, new Matricula("7"), tick()))).isInstanceOf(CheckInResult.NotOpen.class);
    }

    @Test
    void close_byTheOwner_isClosedWithEveryStudentInArrivalOrder() {
        OffsetDateTime openedAt = tick();
        await(store.open(CLASS, ANA, openedAt));
        OffsetDateTime first = tick();
        OffsetDateTime second = tick();
        await(store.checkIn(CLASS, new Matricula("9"), first));
        await(store.checkIn(CLASS, new Matricula("1"), second));
        OffsetDateTime closedAt = tick();

        CloseResult result = await(store.close(CLASS, ANA, closedAt));

        assertThat(result).isEqualTo(new CloseResult.Closed(new RollCall(CLASS, ANA, openedAt, Optional.of(closedAt),
                List.of(new CheckIn(new Matricula("9"), first), new CheckIn(new Matricula("1"), second)))));
        assertThat(await(store.openRollCall(CLASS))).isEmpty();
    }

    @Test
    void close_classWithoutOpenRollCall_isNotOpen() {
        assertThat(await(store.close(CLASS, ANA, tick()))).isEqualTo(new CloseResult.NotOpen(CLASS));
    }

    @Test
    void close_byAnotherTeacherWhoClosesAny_closesIt() {
        await(store.open(CLASS, ANA, tick()));

        CloseResult result = await(store.close(CLASS, BRUNO, tick(), true));

        assertThat(result).isInstanceOfSatisfying(CloseResult.Closed.class,
                closed -> assertThat(closed.rollCall().teacher()).isEqualTo(ANA));
        assertThat(await(store.openRollCall(CLASS))).isEmpty();
    }

    @Test
    void close_byAnotherTeacher_isNotOwnerAndTheRollCallStaysOpen() {
        await(store.open(CLASS, ANA, tick()));

        CloseResult result = await(store.close(CLASS, BRUNO, tick()));

        assertThat(result).isEqualTo(new CloseResult.NotOwner(CLASS, ANA));
        assertThat(await(store.checkIn(CLASS, new Matricula("7"), tick()))).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void close_rollCallOfAReservedOwner_anyTeacherMayCloseIt() {
        await(store.open(CLASS, TeacherName.OPEN_MODE, tick()));

        assertThat(await(store.close(CLASS, BRUNO, tick()))).isInstanceOf(CloseResult.Closed.class);
    }

    @Test
    void writes_submittedWithoutWaiting_takeEffectInSubmissionOrder() {
        List<CompletableFuture<CheckInResult>> checkIns = new ArrayList<>();
        CompletableFuture<OpenResult> open = store.open(CLASS, ANA, tick());
        for (int i = 0; i < 200; i++) {
            checkIns.add(store.checkIn(CLASS, new Matricula(Integer.toString(i)), tick()));
        }
        CompletableFuture<CloseResult> close = store.close(CLASS, ANA, tick());
        CompletableFuture<CheckInResult> late = store.checkIn(CLASS, new Matricula("999"), tick());

        assertThat(await(open)).isInstanceOf(OpenResult.Opened.class);
        checkIns.forEach(checkIn -> assertThat(await(checkIn)).isInstanceOf(CheckInResult.Registered.class));
        RollCall closed = ((CloseResult.Closed) await(close)).rollCall();
        assertThat(closed.present()).extracting(c -> c.matricula().value())
                .containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(Integer::toString).toList());
        assertThat(await(late)).isInstanceOf(CheckInResult.NotOpen.class);
    }

    @Test
    void openRollCalls_areEveryOpenOneByClassNumber_andNoClosedOne() {
        await(store.open(OTHER_CLASS, BRUNO, tick()));
        await(store.open(CLASS, ANA, tick()));
        await(store.checkIn(CLASS, new Matricula("7"), tick()));
        await(store.open(new ClassId(3030), ANA, tick()));
        await(store.close(new ClassId(3030), ANA, tick()));

        assertThat(await(store.openRollCalls())).extracting(RollCall::classId).containsExactly(CLASS, OTHER_CLASS);
        assertThat(await(store.openRollCalls()).getFirst().present()).extracting(CheckIn::matricula)
                .containsExactly(new Matricula("7"));
    }

    @Test
    void classes_areIndependent() {
        await(store.open(CLASS, ANA, tick()));
        await(store.open(OTHER_CLASS, BRUNO, tick()));
        await(store.checkIn(OTHER_CLASS, new Matricula("7"), tick()));

        await(store.close(CLASS, ANA, tick()));

        assertThat(await(store.openRollCall(OTHER_CLASS)).orElseThrow().present()).hasSize(1);
        assertThat(await(store.checkIn(OTHER_CLASS, new Matricula("8"), tick()))).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void history_namesWhoClosedEachRollCall_notWhoOpenedIt() {
        TeacherName reserved = new TeacherName("(legacy)");
        await(store.open(CLASS, reserved, tick()));
        await(store.close(CLASS, BRUNO, tick()));

        assertThat(await(store.history(CLASS))).singleElement().satisfies(past -> {
            assertThat(past.teacher()).isEqualTo(reserved);
            assertThat(past.closedBy()).hasValue(BRUNO);
        });
    }

    @Test
    void openedBefore_namesTheOpenRollCallsOpenedByThen_only() {
        OffsetDateTime early = tick();
        await(store.open(OTHER_CLASS, ANA, early));
        OffsetDateTime later = tick();
        await(store.open(CLASS, BRUNO, later));
        await(store.open(new ClassId(3030), ANA, tick()));
        await(store.close(new ClassId(3030), ANA, tick()));

        assertThat(await(store.openedBefore(early.minusSeconds(1)))).isEmpty();
        assertThat(await(store.openedBefore(early))).containsExactly(OTHER_CLASS);
        assertThat(await(store.openedBefore(tick()))).as("by class number").containsExactly(CLASS, OTHER_CLASS);
    }

    @Test
    void close_byTheServer_closesAnyTeachersRollCall() {
        await(store.open(CLASS, ANA, tick()));

        assertThat(await(store.close(CLASS, TeacherName.SERVER, tick()))).isInstanceOf(CloseResult.Closed.class);
        assertThat(await(store.history(CLASS))).singleElement()
                .satisfies(past -> assertThat(past.closedBy()).hasValue(TeacherName.SERVER));
    }

    @Test
    void history_closedRollCalls_oldestFirstWithTheirCounts() {
        OffsetDateTime firstOpened = tick();
        long first = ((OpenResult.Opened) await(store.open(CLASS, ANA, firstOpened))).id();
        await(store.checkIn(CLASS, new Matricula("1"), tick()));
        await(store.checkIn(CLASS, new Matricula("2"), tick()));
        OffsetDateTime firstClosed = tick();
        await(store.close(CLASS, ANA, firstClosed));
        OffsetDateTime secondOpened = tick();
        long second = ((OpenResult.Opened) await(store.open(CLASS, BRUNO, secondOpened))).id();
        OffsetDateTime secondClosed = tick();
        await(store.close(CLASS, BRUNO, secondClosed));
        await(store.open(CLASS, ANA, tick()));

        assertThat(await(store.history(CLASS))).containsExactly(
                new PastRollCall(first, CLASS, ANA, firstOpened, firstClosed, 2, Optional.of(ANA)),
                new PastRollCall(second, CLASS, BRUNO, secondOpened, secondClosed, 0, Optional.of(BRUNO)));
        assertThat(await(store.closedRollCalls(CLASS))).extracting(RollCall::teacher).containsExactly(ANA, BRUNO);
        assertThat(await(store.numberedClosedRollCalls(CLASS))).extracting(NumberedRollCall::id)
                .containsExactly(first, second);
        assertThat(await(store.history(OTHER_CLASS))).isEmpty();
    }

    @Test
    void history_rollCallsOpenedOutOfTimeOrder_areListedByOpeningTimeNotById() {
        OffsetDateTime earlier = tick();
        OffsetDateTime later = tick();
        await(store.open(CLASS, ANA, later));
        await(store.close(CLASS, ANA, tick()));
        await(store.open(CLASS, BRUNO, earlier));
        await(store.close(CLASS, BRUNO, tick()));

        assertThat(await(store.history(CLASS))).extracting(PastRollCall::openedAt).containsExactly(earlier, later);
        assertThat(await(store.closedRollCalls(CLASS))).extracting(RollCall::teacher).containsExactly(BRUNO, ANA);
    }

    @Test
    void read_rightAfterAnAcknowledgedClose_seesIt() {
        for (int i = 1; i <= 20; i++) {
            await(store.open(CLASS, ANA, tick()));
            await(store.checkIn(CLASS, new Matricula(Integer.toString(i)), tick()));
            await(store.close(CLASS, ANA, tick()));

            assertThat(await(store.history(CLASS))).hasSize(i);
            assertThat(await(store.closedRollCalls(CLASS)).getLast().present()).hasSize(1);
        }
    }

    @Test
    void reopen_afterAcknowledgedWrites_keepsThemAll() {
        OffsetDateTime openedAt = tick();
        long closedId = opened(store.open(OTHER_CLASS, BRUNO, tick())).id();
        await(store.close(OTHER_CLASS, BRUNO, tick()));
        long openId = opened(store.open(CLASS, ANA, openedAt)).id();
        OffsetDateTime checkedInAt = tick();
        await(store.checkIn(CLASS, new Matricula("0042"), checkedInAt));

        store = reopen(store);

        assertThat(await(store.openRollCall(CLASS))).hasValue(new RollCall(CLASS, ANA, openedAt, Optional.empty(),
                List.of(new CheckIn(new Matricula("0042"), checkedInAt))));
        assertThat(await(store.history(OTHER_CLASS))).hasSize(1);
        assertThat(await(store.open(CLASS, BRUNO, tick()))).isEqualTo(new OpenResult.AlreadyOpen(CLASS, openedAt));
        assertThat(await(store.checkIn(CLASS, new Matricula("0042"), tick())))
                .isEqualTo(new CheckInResult.AlreadyRegistered(CLASS, checkedInAt));
        assertThat(await(store.close(CLASS, BRUNO, tick()))).isEqualTo(new CloseResult.NotOwner(CLASS, ANA));
        long next = opened(store.open(new ClassId(3030), ANA, tick())).id();
        assertThat(next).isNotIn(closedId, openId);
    }

    @Test
    void open_twentyThreadsAtOnceOnOneClass_exactlyOneOpensAndTheRestSeeItsTime() throws Exception {
        List<OpenResult> results = race(20, thread -> store.open(CLASS, new TeacherName("t" + thread), tick()));

        List<OpenResult.Opened> opened = results.stream()
                .filter(OpenResult.Opened.class::isInstance).map(OpenResult.Opened.class::cast).toList();
        assertThat(opened).hasSize(1);
        assertThat(results).filteredOn(OpenResult.AlreadyOpen.class::isInstance).hasSize(19)
                .allSatisfy(r -> assertThat(((OpenResult.AlreadyOpen) r).openedAt()).isEqualTo(opened.getFirst().openedAt()));
    }

    @Test
    void checkIn_fiftyThreadsAtOnceWithOneMatricula_exactlyOneRegistersAndTheRestSeeItsTime() throws Exception {
        await(store.open(CLASS, ANA, tick()));

        List<CheckInResult> results = race(50, thread -> store.checkIn(CLASS, new Matricula("0042"), tick()));

        List<CheckInResult> registered = results.stream().filter(CheckInResult.Registered.class::isInstance).toList();
        assertThat(registered).hasSize(1);
        assertThat(results).filteredOn(CheckInResult.AlreadyRegistered.class::isInstance).hasSize(49)
                .allSatisfy(r -> assertThat(r.at()).isEqualTo(registered.getFirst().at()));
        assertThat(await(store.openRollCall(CLASS)).orElseThrow().present()).hasSize(1);
    }

    @Test
    void requests_afterClose_failWithTheStoreUnavailable() {
        store.close();

        for (CompletableFuture<?> request : List.of(store.open(CLASS, ANA, tick()),
                store.checkIn(CLASS, new Matricula("7"), tick()), store.close(CLASS, ANA, tick()),
                store.openRollCall(CLASS), store.history(CLASS), store.closedRollCalls(CLASS))) {
            assertThat(request).failsWithin(StoreFutures.DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(StoreFailure.class,
                            failure -> assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.UNAVAILABLE));
        }
    }

    @Test
    void health_ofAStoreKeepingItsPromises_isHealthy() {
        assertThat(store.health()).isInstanceOf(StoreHealth.Healthy.class);
    }

    /** Runs {@code call} on {@code threads} threads released together, and returns what each got. */
    private <R> List<R> race(int threads, IntFunction<CompletableFuture<R>> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<CompletableFuture<R>>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                int thread = i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.apply(thread);
                }, pool));
            }
            start.countDown();
            List<R> results = new ArrayList<>();
            for (CompletableFuture<CompletableFuture<R>> submitted : calls) {
                results.add(await(await(submitted)));
            }
            return results;
        }
    }

    private static OpenResult.Opened opened(CompletableFuture<OpenResult> open) {
        OpenResult result = await(open);
        assertThat(result).isInstanceOf(OpenResult.Opened.class);
        return (OpenResult.Opened) result;
    }

    /** A time later than the last, in {@link #ZONE}: a thread-safe clock for the tests. */
    private OffsetDateTime tick() {
        return Instant.ofEpochMilli(clock.addAndGet(1_000)).atZone(ZONE).toOffsetDateTime();
    }

}
