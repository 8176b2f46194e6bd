package chamada.store.postgres;

import chamada.messages.MessageText;
import chamada.messages.PostResult;
import chamada.messages.Posting;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.RollCallEvents;
import chamada.rollcall.TeacherName;
import chamada.testing.TestPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes' stores on one database decide as one: the database's constraints and row locks,
 * not any node's memory, keep each rule. Every request is sent to all three at once, without
 * waiting, so their transactions overlap. And what one node commits, the others' live views hear.
 */
class PostgresNodesTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final ClassId CLASS = new ClassId(1010);
    private static final TeacherName ANA = new TeacherName("ana");

    private final List<PostgresStore> nodes = new ArrayList<>();
    private PostgresAddress database;
    private long clock = 1_764_000_000_000L;

    @BeforeEach
    void startNodes() {
        database = TestPostgres.freshDatabase();
        for (int i = 0; i < 3; i++) {
            nodes.add(PostgresStore.open(database, Optional.empty(), ZONE));
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(PostgresStore::close);
    }

    @Test
    void oneClassOpenedOnEveryNodeAtOnce_isOpenedByExactlyOne() {
        List<OpenResult> results = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            ClassId classId = new ClassId(2000 + round);
            OffsetDateTime at = tick();
            results.clear();
            nodes.stream().map(node -> node.open(classId, ANA, at)).toList().forEach(f -> results.add(await(f)));

            assertThat(results).filteredOn(OpenResult.Opened.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(OpenResult.AlreadyOpen.class::isInstance).hasSize(2);
        }
    }

    @Test
    void oneMatriculaOnEveryNodeAtOnce_countsOnce_andEveryoneIsToldTheFirstTime() {
        await(nodes.getFirst().open(CLASS, ANA, tick()));
        List<CompletableFuture<CheckInResult>> checkIns = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            checkIns.add(nodes.get(i % 3).checkIn(CLASS, new Matricula("0042"), tick()));
        }
        List<CheckInResult> results = checkIns.stream().map(PostgresNodesTest::await).toList();

        List<CheckInResult> registered = results.stream().filter(CheckInResult.Registered.class::isInstance).toList();
        assertThat(registered).hasSize(1);
        assertThat(results).filteredOn(CheckInResult.AlreadyRegistered.class::isInstance).hasSize(59)
                .allSatisfy(result -> assertThat(result.at()).isEqualTo(registered.getFirst().at()));
        assertThat(await(nodes.get(2).openRollCall(CLASS)).orElseThrow().present()).hasSize(1);
    }

    @Test
    void checkInsRacingACloseOnAnotherNode_areInTheClosedRollCallExactlyWhenTheyWereRegistered() {
        for (int round = 0; round < 5; round++) {
            await(nodes.getFirst().open(CLASS, ANA, tick()));
            List<CompletableFuture<CheckInResult>> checkIns = new ArrayList<>();
            CompletableFuture<CloseResult> close = null;
            for (int i = 0; i < 300; i++) {
                checkIns.add(nodes.get(1 + i % 2).checkIn(CLASS, new Matricula(Integer.toString(i)), tick()));
                if (i == 150) {
                    close = nodes.getFirst().close(CLASS, ANA, tick());
                }
            }
            RollCall closed = ((CloseResult.Closed) await(close)).rollCall();
            List<String> registered = new ArrayList<>();
            for (int i = 0; i < checkIns.size(); i++) {
                CheckInResult result = await(checkIns.get(i));
                assertThat(result).isInstanceOfAny(CheckInResult.Registered.class, CheckInResult.NotOpen.class);
                if (result instanceof CheckInResult.Registered) {
                    registered.add(Integer.toString(i));
                }
            }
            assertThat(closed.present()).extracting(checkIn -> checkIn.matricula().value())
                    .containsExactlyInAnyOrderElementsOf(registered);
            assertThat(await(nodes.get(1).closedRollCalls(CLASS)).getLast().present()).hasSameSizeAs(registered);
        }
    }

    @Test
    void whatOneNodeCommits_isHeardLiveOnTheOthers_andOnceOnItself() {
        List<RollCallEvent> heardOnC = new CopyOnWriteArrayList<>();
        List<RollCallEvent> heardOnA = new CopyOnWriteArrayList<>();
        try (RollCallEvents.Subscription c = nodes.get(2).events().subscribe(CLASS, heardOnC::add);
             RollCallEvents.Subscription a = nodes.get(0).events().subscribe(CLASS, heardOnA::add)) {
            OffsetDateTime opened = tick();
            await(nodes.get(0).open(CLASS, ANA, opened));
            OffsetDateTime first = tick();
            await(nodes.get(1).checkIn(CLASS, new Matricula("042191010"), first));
            // Heard before A closes: one heard after A's close would belong to a roll call A's views
            // were told is over, and is dropped (MissedEventsTest).
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heardOnA.size() >= 2);
            OffsetDateTime second = tick();
            await(nodes.get(0).checkIn(CLASS, new Matricula("7"), second));
            OffsetDateTime closed = tick();
            await(nodes.get(0).close(CLASS, ANA, closed));

            List<RollCallEvent> expected = List.of(new RollCallEvent.Opened(CLASS, opened),
                    new RollCallEvent.CheckedIn(CLASS, new Matricula("042191010"), first, 1, Optional.empty()),
                    new RollCallEvent.CheckedIn(CLASS, new Matricula("7"), second, 2, Optional.empty()),
                    new RollCallEvent.Closed(CLASS, closed, 2));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heardOnC.size() >= expected.size());
            // Each node's events in its order; two nodes' may interleave either way, each with its count.
            assertThat(heardOnC).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(heardOnC.stream().filter(event -> !event.equals(expected.get(1))))
                    .containsExactly(expected.get(0), expected.get(2), expected.get(3));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heardOnA.size() >= expected.size());
            assertThat(heardOnA).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /**
     * A message travels as its number and the question shown as its class: the node that hears
     * them reads the text, and what the class shows now, from the database.
     */
    @Test
    void aMessage_andTheQuestionShownOnAnotherNode_areHeardWithTheirText() {
        List<RollCallEvent> heardOnC = new CopyOnWriteArrayList<>();
        try (RollCallEvents.Subscription c = nodes.get(2).events().subscribe(CLASS, heardOnC::add)) {
            OffsetDateTime postedAt = tick();
            PostResult.Posted posted = (PostResult.Posted) await(nodes.get(1).post(new Posting(CLASS,
                    Optional.of(new Matricula("7")), new MessageText("Vale nota?\nE a lista 3?"), postedAt)));
            OffsetDateTime shownAt = tick();
            await(nodes.get(0).show(CLASS, Optional.of(posted.message().id()), shownAt));
            RollCallEvent shown = new RollCallEvent.QuestionShown(CLASS, Optional.of(new RollCallEvent.Question(
                    posted.message().id(), "Vale nota?\nE a lista 3?")), shownAt);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heardOnC.contains(shown));
            OffsetDateTime hiddenAt = tick();
            await(nodes.get(0).show(CLASS, Optional.empty(), hiddenAt));

            RollCallEvent hidden = new RollCallEvent.QuestionShown(CLASS, Optional.empty(), hiddenAt);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heardOnC.contains(hidden));
            // Two nodes' events may interleave either way; one node's choices come in its order.
            assertThat(heardOnC).containsExactlyInAnyOrder(posted.message().event(), shown, hidden);
            assertThat(heardOnC.indexOf(shown)).isLessThan(heardOnC.indexOf(hidden));
        }
    }

    /** Two choices on two nodes in quick succession: every node's screen ends on the one the database kept. */
    @Test
    void choicesOnTwoNodes_endOnTheLastOneEverywhere() {
        List<RollCallEvent> heardOnC = new CopyOnWriteArrayList<>();
        try (RollCallEvents.Subscription c = nodes.get(2).events().subscribe(CLASS, heardOnC::add)) {
            PostResult.Posted first = (PostResult.Posted) await(nodes.get(1).post(new Posting(CLASS,
                    Optional.of(new Matricula("7")), new MessageText("primeira"), tick())));
            PostResult.Posted second = (PostResult.Posted) await(nodes.get(1).post(new Posting(CLASS,
                    Optional.of(new Matricula("8")), new MessageText("segunda"), tick())));
            await(nodes.get(0).show(CLASS, Optional.of(first.message().id()), tick()));
            await(nodes.get(1).show(CLASS, Optional.of(second.message().id()), tick()));

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heardOnC.stream()
                    .filter(RollCallEvent.QuestionShown.class::isInstance).count() >= 2);
            RollCallEvent.QuestionShown last = (RollCallEvent.QuestionShown) heardOnC.getLast();
            assertThat(last.question()).contains(new RollCallEvent.Question(second.message().id(), "segunda"));
        }
    }

    @Test
    void aNodeWhoseListeningSessionIsEnded_listensAgainByItself() throws Exception {
        List<RollCallEvent> heardOnC = new CopyOnWriteArrayList<>();
        await(nodes.get(0).open(CLASS, ANA, tick()));
        try (RollCallEvents.Subscription c = nodes.get(2).events().subscribe(CLASS, heardOnC::add);
             Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
             Statement statement = admin.createStatement()) {
            // Every node's listening session ends, as when PostgreSQL restarts or a network drops it.
            try (ResultSet ended = statement.executeQuery("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid))"
                    + " FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = '" + PostgresEvents.APPLICATION_NAME + "'")) {
                ended.next();
                assertThat(ended.getInt(1)).as("listening sessions ended").isEqualTo(nodes.size());
            }

            AtomicInteger student = new AtomicInteger();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                await(nodes.get(0).checkIn(CLASS, new Matricula(Integer.toString(student.incrementAndGet())), tick()));
                return !heardOnC.isEmpty();
            });
        }
    }

    private OffsetDateTime tick() {
        clock += 1_000;
        return Instant.ofEpochMilli(clock).atZone(ZONE).toOffsetDateTime();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
