package chamada.store.postgres;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.RollCallEvents;
import chamada.rollcall.TeacherName;
import chamada.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a node commits but never notifies (killed between its commit and its {@code NOTIFY}, which
 * the test plays by writing to the database itself) still reaches every node's live views, once,
 * through the slow poll; and what was notified is never told twice.
 */
class MissedEventsTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final ClassId CLASS = new ClassId(1010);
    private static final TeacherName ANA = new TeacherName("ana");
    /** Short, so that the test waits for two polls in well under a second. */
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REPAIRED_WITHIN = Duration.ofSeconds(20);

    private final List<PostgresStore> nodes = new ArrayList<>();
    private PostgresAddress database;
    private Connection direct;
    private long clock = 1_764_000_000_000L;

    @BeforeEach
    void start() throws SQLException {
        database = TestPostgres.freshDatabase();
        nodes.add(PostgresStore.open(database, Optional.empty(), ZONE, POLL));
        nodes.add(PostgresStore.open(database, Optional.empty(), ZONE, POLL));
        direct = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
    }

    @AfterEach
    void stop() throws SQLException {
        nodes.forEach(PostgresStore::close);
        direct.close();
    }

    @Test
    void aCheckInCommittedButNeverNotified_reachesEveryNodesViews_once() throws SQLException {
        List<RollCallEvent> onA = new CopyOnWriteArrayList<>();
        List<RollCallEvent> onB = new CopyOnWriteArrayList<>();
        assertThat(nodes.get(0).open(CLASS, ANA, tick()).join()).isInstanceOf(OpenResult.Opened.class);
        try (RollCallEvents.Subscription a = nodes.get(0).events().subscribe(CLASS, onA::add);
             RollCallEvents.Subscription b = nodes.get(1).events().subscribe(CLASS, onB::add)) {
            nodes.get(0).checkIn(CLASS, new Matricula("100"), tick()).join();
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onB).contains("100"));

            OffsetDateTime unnotified = tick();
            commitWithoutNotifying(CLASS, "200", unnotified);
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onA).contains("200") && checkIns(onB).contains("200"));

            nodes.get(1).checkIn(CLASS, new Matricula("300"), tick()).join();
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onA).contains("300"));
            commitWithoutNotifying(CLASS, "400", tick());
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onA).contains("400") && checkIns(onB).contains("400"));

            // The last repair came two polls after every other event, so a duplicate would be here by now.
            assertThat(checkIns(onA)).containsExactly("100", "200", "300", "400");
            assertThat(checkIns(onB)).containsExactly("100", "200", "300", "400");
            RollCallEvent.CheckedIn repaired = (RollCallEvent.CheckedIn) onB.stream()
                    .filter(event -> event instanceof RollCallEvent.CheckedIn in && in.matricula().value().equals("200"))
                    .findFirst().orElseThrow();
            assertThat(repaired.at().toInstant()).isEqualTo(unnotified.toInstant());
            assertThat(repaired.count()).isEqualTo(2);
        }
    }

    @Test
    void anOpenAndACloseNeverNotified_reachEveryNodesViews() throws SQLException {
        List<RollCallEvent> onB = new CopyOnWriteArrayList<>();
        try (RollCallEvents.Subscription b = nodes.get(1).events().subscribe(CLASS, onB::add)) {
            OffsetDateTime opened = tick();
            long rollCall = openWithoutNotifying(CLASS, opened);
            commitWithoutNotifying(CLASS, "100", tick());
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onB).contains("100"));
            assertThat(onB.getFirst()).isEqualTo(new RollCallEvent.Opened(CLASS, at(opened)));

            OffsetDateTime closed = tick();
            try (PreparedStatement close = direct.prepareStatement("UPDATE roll_calls SET closed_at = ? WHERE id = ?")) {
                close.setLong(1, closed.toInstant().toEpochMilli());
                close.setLong(2, rollCall);
                close.executeUpdate();
            }
            await().atMost(REPAIRED_WITHIN).until(() -> onB.getLast() instanceof RollCallEvent.Closed);
            assertThat(onB.getLast()).isEqualTo(new RollCallEvent.Closed(CLASS, at(closed), 1));
        }
    }

    @Test
    void aNodeThatStartsWhileARollCallIsOpen_tellsItsViewsOnlyWhatComesAfter() throws SQLException {
        nodes.get(0).open(CLASS, ANA, tick()).join();
        nodes.get(0).checkIn(CLASS, new Matricula("100"), tick()).join();
        commitWithoutNotifying(CLASS, "200", tick());
        PostgresStore late = PostgresStore.open(database, Optional.empty(), ZONE, POLL);
        nodes.add(late);
        List<RollCallEvent> onLate = new CopyOnWriteArrayList<>();
        try (RollCallEvents.Subscription subscription = late.events().subscribe(CLASS, onLate::add)) {
            commitWithoutNotifying(CLASS, "300", tick());
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onLate).contains("300"));

            assertThat(checkIns(onLate)).containsExactly("300");
        }
    }

    @Test
    void aReplacementCommittedButNeverNotified_reachesTheViews_namingWhomItReplaced() throws SQLException {
        List<RollCallEvent> onB = new CopyOnWriteArrayList<>();
        nodes.get(0).open(CLASS, ANA, tick()).join();
        try (RollCallEvents.Subscription b = nodes.get(1).events().subscribe(CLASS, onB::add)) {
            nodes.get(0).checkIn(CLASS, new Matricula("4219"), tick()).join();
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onB).contains("4219"));

            // A phone fixing its typo: 42191 takes 4219's place; the count stays 1.
            OffsetDateTime fixed = tick();
            long millis = fixed.toInstant().toEpochMilli();
            direct.setAutoCommit(false);
            try (Statement statement = direct.createStatement()) {
                String openRollCall = "(SELECT id FROM roll_calls WHERE class_id = " + CLASS.value()
                        + " AND closed_at IS NULL)";
                statement.executeUpdate("INSERT INTO check_ins (roll_call_id, matricula, at) VALUES (" + openRollCall
                        + ", '42191', " + millis + ")");
                statement.executeUpdate("DELETE FROM check_ins WHERE matricula = '4219'");
                statement.executeUpdate("INSERT INTO check_in_replacements (roll_call_id, device, replaced, by_matricula,"
                        + " at, device_first_at) VALUES (" + openRollCall + ", 'phone', '4219', '42191', " + millis
                        + ", " + millis + ")");
                direct.commit();
            } finally {
                direct.setAutoCommit(true);
            }

            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onB).contains("42191"));
            assertThat(onB.getLast()).isEqualTo(new RollCallEvent.CheckedIn(CLASS, new Matricula("42191"), at(fixed), 1,
                    Optional.of(new Matricula("4219"))));
        }
    }

    @Test
    void anOpenNeverNotified_whoseCheckInsAnotherNodeTold_isStillTold_andSoIsTheClose() throws SQLException {
        List<RollCallEvent> onB = new CopyOnWriteArrayList<>();
        try (RollCallEvents.Subscription b = nodes.get(1).events().subscribe(CLASS, onB::add)) {
            OffsetDateTime opened = tick();
            openWithoutNotifying(CLASS, opened);
            // Node A takes a check-in and notifies it: B hears of the roll call first through it.
            nodes.get(0).checkIn(CLASS, new Matricula("100"), tick()).join();
            await().atMost(REPAIRED_WITHIN).until(() -> onB.contains(new RollCallEvent.Opened(CLASS, at(opened))));

            assertThat(checkIns(onB)).containsExactly("100");
            OffsetDateTime closed = tick();
            nodes.get(0).close(CLASS, ANA, closed).join();
            await().atMost(REPAIRED_WITHIN).until(() -> onB.getLast() instanceof RollCallEvent.Closed);
            assertThat(onB.getLast()).isEqualTo(new RollCallEvent.Closed(CLASS, at(closed), 1));
        }
    }

    @Test
    void aCheckInHeardAfterItsRollCallClosed_isNotTold_andTheNextRollCallCountsItsStudentAgain() throws SQLException {
        List<RollCallEvent> onB = new CopyOnWriteArrayList<>();
        nodes.get(0).open(CLASS, ANA, tick()).join();
        try (RollCallEvents.Subscription b = nodes.get(1).events().subscribe(CLASS, onB::add)) {
            OffsetDateTime beforeTheClose = tick();
            OffsetDateTime closed = tick();
            nodes.get(0).close(CLASS, ANA, closed).join();
            await().atMost(REPAIRED_WITHIN).until(() -> !onB.isEmpty() && onB.getLast() instanceof RollCallEvent.Closed);
            notifyAsAnotherNode("I," + CLASS.value() + ",555," + beforeTheClose.toInstant().toEpochMilli() + ",1,");

            OffsetDateTime reopened = tick();
            nodes.get(0).open(CLASS, ANA, reopened).join();
            nodes.get(0).checkIn(CLASS, new Matricula("555"), tick()).join();
            commitWithoutNotifying(CLASS, "600", tick());
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onB).contains("600"));

            // B may have heard the first opening too, if it came after B subscribed.
            assertThat(onB).filteredOn(event -> !(event instanceof RollCallEvent.Opened opened)
                            || opened.at().isEqual(reopened))
                    .hasSize(4).startsWith(new RollCallEvent.Closed(CLASS, at(closed), 0),
                            new RollCallEvent.Opened(CLASS, at(reopened)));
            assertThat(checkIns(onB)).containsExactly("555", "600");
        }
    }

    @Test
    void aCloseHeardAfterItsClassOpenedAgain_isNotTold() throws SQLException {
        List<RollCallEvent> onB = new CopyOnWriteArrayList<>();
        nodes.get(0).open(CLASS, ANA, tick()).join();
        try (RollCallEvents.Subscription b = nodes.get(1).events().subscribe(CLASS, onB::add)) {
            OffsetDateTime closed = tick();
            try (Statement statement = direct.createStatement()) {
                statement.executeUpdate("UPDATE roll_calls SET closed_at = " + closed.toInstant().toEpochMilli()
                        + " WHERE class_id = " + CLASS.value() + " AND closed_at IS NULL");
            }
            OffsetDateTime reopened = tick();
            nodes.get(0).open(CLASS, ANA, reopened).join();
            await().atMost(REPAIRED_WITHIN).until(() -> onB.contains(new RollCallEvent.Opened(CLASS, at(reopened))));
            notifyAsAnotherNode("X," + CLASS.value() + "," + closed.toInstant().toEpochMilli() + ",0");

            commitWithoutNotifying(CLASS, "700", tick());
            await().atMost(REPAIRED_WITHIN).until(() -> checkIns(onB).contains("700"));

            // B may have heard the first opening too, if it came after B subscribed.
            assertThat(onB).noneMatch(RollCallEvent.Closed.class::isInstance)
                    .filteredOn(event -> !(event instanceof RollCallEvent.Opened opened) || opened.at().isEqual(reopened))
                    .containsExactly(new RollCallEvent.Opened(CLASS, at(reopened)), onB.getLast());
        }
    }

    /** A notification as a node that is none of these would send it: one event line after its node id. */
    private void notifyAsAnotherNode(String line) throws SQLException {
        try (PreparedStatement notify = direct.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, PostgresEvents.CHANNEL);
            notify.setString(2, "0123456789ab\n" + line);
            notify.execute();
        }
    }

    /** What a node does for a check-in before it notifies: the row and the count, in one transaction. */
    private void commitWithoutNotifying(ClassId classId, String matricula, OffsetDateTime at) throws SQLException {
        direct.setAutoCommit(false);
        try (PreparedStatement insert = direct.prepareStatement("""
                INSERT INTO check_ins (roll_call_id, matricula, at)
                SELECT id, ?, ? FROM roll_calls WHERE class_id = ? AND closed_at IS NULL""");
             PreparedStatement count = direct.prepareStatement("""
                     UPDATE roll_call_counts SET present = present + 1
                     WHERE roll_call_id = (SELECT id FROM roll_calls WHERE class_id = ? AND closed_at IS NULL)""")) {
            insert.setString(1, matricula);
            insert.setLong(2, at.toInstant().toEpochMilli());
            insert.setInt(3, classId.value());
            assertThat(insert.executeUpdate()).isEqualTo(1);
            count.setInt(1, classId.value());
            assertThat(count.executeUpdate()).isEqualTo(1);
            direct.commit();
        } finally {
            direct.setAutoCommit(true);
        }
    }

    private long openWithoutNotifying(ClassId classId, OffsetDateTime at) throws SQLException {
        direct.setAutoCommit(false);
        try (PreparedStatement open = direct.prepareStatement(
                "INSERT INTO roll_calls (class_id, teacher, opened_at) VALUES (?, 'ana', ?) RETURNING id");
             PreparedStatement count = direct.prepareStatement(
                     "INSERT INTO roll_call_counts (roll_call_id, present) VALUES (?, 0)")) {
            open.setInt(1, classId.value());
            open.setLong(2, at.toInstant().toEpochMilli());
            long id;
            try (ResultSet row = open.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
            count.setLong(1, id);
            count.executeUpdate();
            direct.commit();
            return id;
        } finally {
            direct.setAutoCommit(true);
        }
    }

    private static List<String> checkIns(List<RollCallEvent> events) {
        return events.stream().filter(RollCallEvent.CheckedIn.class::isInstance)
                .map(event -> ((RollCallEvent.CheckedIn) event).matricula().value()).toList();
    }

    private static OffsetDateTime at(OffsetDateTime time) {
        return time.toInstant().atZone(ZONE).toOffsetDateTime();
    }

    private OffsetDateTime tick() {
        clock += 1_000;
        return Instant.ofEpochMilli(clock).atZone(ZONE).toOffsetDateTime();
    }
}
