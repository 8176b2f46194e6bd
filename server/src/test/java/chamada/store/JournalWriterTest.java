package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.EventHub;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.BRUNO;
import static chamada.store.Stores.await;
import static chamada.store.Stores.awaitFailure;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal writer on its own, deciding commands with fresh {@link OpenRollCalls} and with
 * a list in place of the SQLite applier: what it puts in the segment file, what it hands on,
 * what it refuses, and when it answers.
 */
class JournalWriterTest {

    private static final ClassId CLASS = classId(1);
    private static final Matricula STUDENT = new Matricula("0042");

    @TempDir
    Path dir;

    private final List<JournalBatch> handedOn = new CopyOnWriteArrayList<>();
    private JournalWriter writer;

    @AfterEach
    void stopWriter() {
        if (writer != null) {
            writer.shutdown();
            writer.awaitTermination();
        }
    }

    @Test
    void submit_commandsTheRulesAccept_appendsExactlyTheirRecordsInOrderToTheFirstSegment() throws IOException {
        List<Write> history = RandomWrites.history(new Random(11), 3_000, Snapshot.CLASSES);
        start(3);

        commandsFor(history).forEach(writer::submit);
        stopWriter();

        assertThat(Journals.segments(database())).containsExactly(3L);
        assertHolds(segment(3), Journals.encode(history));
    }

    @Test
    void submit_commandsTheRulesAccept_handsEachWriteOnOnceInBatchesEndingWhereTheirLastRecordEnds() throws IOException {
        List<Write> history = RandomWrites.history(new Random(12), 3_000, Snapshot.CLASSES);
        start(1);

        commandsFor(history).forEach(writer::submit);
        stopWriter();

        List<Write> inBatches = new ArrayList<>();
        for (JournalBatch batch : handedOn) {
            inBatches.addAll(batch.writes());
            assertThat(batch.end())
                    .isEqualTo(new JournalPosition(1, Journals.segmentOffset(history, inBatches.size())));
        }
        assertThat(inBatches).containsExactlyElementsOf(history);
        assertHolds(segment(1), Journals.encode(history)); // the last batch ends where the records do
    }

    @Test
    void submit_commandsTheRulesRefuse_journalNothingAndCompleteWithTheirOutcomes() throws IOException {
        start(1);
        CompletableFuture<CheckInResult> notOpenCheckIn = writer.submit(checkIn(STUDENT, time(500)));
        CompletableFuture<CloseResult> notOpenClose = writer.submit(close(ANA, time(600)));
        CompletableFuture<OpenResult> opened = writer.submit(open(ANA, time(1_000)));
        CompletableFuture<OpenResult> alreadyOpen = writer.submit(open(BRUNO, time(1_500)));
        CompletableFuture<CheckInResult> registered = writer.submit(checkIn(STUDENT, time(2_000)));
        CompletableFuture<CheckInResult> again = writer.submit(checkIn(STUDENT, time(2_500)));
        CompletableFuture<CloseResult> notOwner = writer.submit(close(BRUNO, time(2_800)));
        CompletableFuture<CloseResult> closed = writer.submit(close(ANA, time(3_000)));
        CompletableFuture<CloseResult> closedTwice = writer.submit(close(ANA, time(3_500)));

        assertThat(await(notOpenCheckIn)).isEqualTo(new CheckInResult.NotOpen(CLASS, time(500)));
        assertThat(await(notOpenClose)).isEqualTo(new CloseResult.NotOpen(CLASS));
        assertThat(await(opened)).isEqualTo(new OpenResult.Opened(1, CLASS, ANA, time(1_000)));
        assertThat(await(alreadyOpen)).isEqualTo(new OpenResult.AlreadyOpen(CLASS, time(1_000)));
        assertThat(await(registered)).isEqualTo(new CheckInResult.Registered(CLASS, time(2_000)));
        assertThat(await(again)).isEqualTo(new CheckInResult.AlreadyRegistered(CLASS, time(2_000)));
        assertThat(await(notOwner)).isEqualTo(new CloseResult.NotOwner(CLASS, ANA));
        assertThat(await(closed)).isEqualTo(new CloseResult.Closed(new RollCall(CLASS, ANA, time(1_000),
                Optional.of(time(3_000)), List.of(new CheckIn(STUDENT, time(2_000))))));
        assertThat(await(closedTwice)).isEqualTo(new CloseResult.NotOpen(CLASS));
        stopWriter();
        List<Write> accepted = List.of(new Write.Open(1, CLASS, ANA, 1_000), new Write.CheckIn(1, STUDENT, 2_000),
                new Write.Close(1, 3_000, Optional.of(ANA)));
        assertHolds(segment(1), Journals.encode(accepted));
        assertThat(handedOn).flatMap(JournalBatch::writes).containsExactlyElementsOf(accepted);
    }

    /**
     * "Already registered" speaks of a check-in that may be in the very same batch: it must
     * not be said before that batch's fsync. The writer hands a batch on after its fsync and
     * before it answers; the repeat must still be unanswered then.
     */
    @Test
    void submit_repeatedCheckInInTheSameBatchAsTheFirst_isAlreadyRegisteredOnlyOnceThatBatchIsDurable()
            throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<CheckInResult>> checkIns = new CopyOnWriteArrayList<>();
        List<Boolean> answeredAtHandOn = new CopyOnWriteArrayList<>();
        start(1, batch -> {
            handedOn.add(batch);
            if (handedOn.size() == 1) { // the open's batch: hold the writer while the check-ins queue up
                holding.countDown();
                awaitUninterruptibly(release);
            } else {
                checkIns.forEach(f -> answeredAtHandOn.add(f.isDone()));
            }
        });
        CompletableFuture<OpenResult> opened = writer.submit(open(ANA, time(1_000)));
        assertThat(holding.await(30, TimeUnit.SECONDS)).as("writer holding the open's batch").isTrue();
        checkIns.add(writer.submit(checkIn(STUDENT, time(2_000))));
        checkIns.add(writer.submit(checkIn(STUDENT, time(2_500))));

        release.countDown();

        assertThat(await(opened)).isInstanceOf(OpenResult.Opened.class);
        assertThat(await(checkIns.get(0))).isEqualTo(new CheckInResult.Registered(CLASS, time(2_000)));
        assertThat(await(checkIns.get(1))).isEqualTo(new CheckInResult.AlreadyRegistered(CLASS, time(2_000)));
        assertThat(handedOn).as("batches").hasSize(2);
        assertThat(handedOn.get(1).writes()).containsExactly(new Write.CheckIn(1, STUDENT, 2_000));
        assertThat(answeredAtHandOn).as("check-ins answered when their batch was handed on").containsExactly(false, false);
    }

    @Test
    void submit_afterShutdown_failsUnavailableNamingTheJournal() {
        start(1);
        writer.shutdown();

        CompletableFuture<OpenResult> late = writer.submit(open(ANA, time(1_000)));

        assertThat(late).isCompletedExceptionally();
        assertThat(awaitFailure(late)).isInstanceOfSatisfying(StoreFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.UNAVAILABLE))
                .hasMessageContaining(JournalFiles.of(database()).folder().toString());
    }

    @Test
    void shutdown_withNothingWritten_createsNoSegment() {
        start(1);
        CompletableFuture<CheckInResult> refused = writer.submit(checkIn(STUDENT, time(500)));

        stopWriter();

        assertThat(await(refused)).isInstanceOf(CheckInResult.NotOpen.class);
        assertThat(JournalFiles.of(database()).folder()).doesNotExist();
        assertThat(handedOn).isEmpty();
    }

    private void start(long firstSegment) {
        start(firstSegment, handedOn::add);
    }

    private void start(long firstSegment, Consumer<JournalBatch> applier) {
        writer = JournalWriter.start(JournalFiles.of(database()), firstSegment, new OpenRollCalls(List.of(), 0, List.of(), List.of(), 0), applier,
                new EventHub(), new StoreMeters("journal"));
    }

    private Path database() {
        return dir.resolve("chamada.db");
    }

    /**
     * The commands that make {@code history} on an empty store: its ids are those the rules
     * give, 1, 2, 3, ..., and each close is asked by the roll call's owner.
     */
    private static List<Command<?>> commandsFor(List<Write> history) {
        Map<Long, Write.Open> opened = new HashMap<>();
        List<Command<?>> commands = new ArrayList<>(history.size());
        for (Write write : history) {
            commands.add(switch (write) {
                case Write.Open o -> {
                    opened.put(o.id(), o);
                    yield new Command.Open(o.classId(), o.teacher(), o.rules(), time(o.openedAt()), new CompletableFuture<>());
                }
                case Write.CheckIn c -> new Command.CheckIn(new CheckInAttempt(opened.get(c.rollCallId()).classId(),
                        c.matricula(), Optional.empty(), c.device(), time(c.at())), new CompletableFuture<>());
                case Write.Replace r -> throw new IllegalArgumentException("no device in these histories: " + r);
                case Write.Close c -> new Command.Close(opened.get(c.rollCallId()).classId(),
                        opened.get(c.rollCallId()).teacher(), time(c.closedAt()), false, new CompletableFuture<>());
                case Write.Roster r -> new Command.ReplaceRoster(r.classId(), r.students(), new CompletableFuture<>());
                case Write.Mark m -> throw new IllegalArgumentException("no corrections in these histories: " + m);
                case Write.Forget f -> throw new IllegalArgumentException("no forgets in these histories: " + f);
                case Write.Purge p -> throw new IllegalArgumentException("no purges in these histories: " + p);
            });
        }
        return commands;
    }

    /** The segment starts with the header and then exactly {@code records}; the rest is the zeros written ahead of them. */
    private static void assertHolds(Path segment, byte[] records) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        byte[] written = Journals.withHeader(records);
        assertThat(bytes.length).isGreaterThanOrEqualTo(written.length);
        assertThat(Arrays.copyOf(bytes, written.length)).isEqualTo(written);
        assertThat(Arrays.copyOfRange(bytes, written.length, bytes.length)).containsOnly((byte) 0);
    }

    private Path segment(long number) {
        return JournalFiles.of(database()).segment(number);
    }

    private static Command.Open open(TeacherName teacher, OffsetDateTime at) {
        return new Command.Open(CLASS, teacher, CheckInRules.none(), at, new CompletableFuture<>());
    }

    private static Command.CheckIn checkIn(Matricula matricula, OffsetDateTime at) {
        return new Command.CheckIn(CheckInAttempt.plain(CLASS, matricula, at), new CompletableFuture<>());
    }

    private static Command.Close close(TeacherName teacher, OffsetDateTime at) {
        return new Command.Close(CLASS, teacher, at, false, new CompletableFuture<>());
    }

    /** Waits for {@code latch} on the writer's thread; a test that fails to release it fails at its own deadline. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
