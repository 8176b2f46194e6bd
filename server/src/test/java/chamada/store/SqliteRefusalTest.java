package chamada.store;

import chamada.i18n.Lang;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.StoreHealth;
import chamada.testing.CapturedLog;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.awaitFailure;
import static chamada.store.Stores.classId;
import static chamada.store.Stores.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An acknowledged write survives a refusal by SQLite. The journal writer acknowledges a write
 * once it is in the journal; if SQLite then refuses it (a bug, or a row put in by hand), the
 * write must not be dropped: the applier stops there, the store says it is unhealthy and goes
 * on acknowledging into the journal, the journal is kept, start-up stops at that write, and
 * once a person removes the cause every acknowledged write is there.
 *
 * <p>The refusal is made by hand: while the store is open, another connection (WAL lets it
 * write beside the applier) puts in a row with the id the store gives next.
 */
class SqliteRefusalTest {

    private static final ClassId FIRST = classId(1);
    private static final ClassId REFUSED = classId(2);
    /** The id the store gives the roll call of {@link #REFUSED}, after the one of {@link #FIRST}. */
    private static final long REFUSED_ID = 2;
    private static final String REFUSED_WRITE = new Write.Open(REFUSED_ID, REFUSED, ANA, 0).toString();
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private SqliteRollCallStore store;

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void open_whoseRowSqliteRefuses_isAcknowledgedAndTheStoreReportsItUnhealthyNamingTheWrite() throws SQLException {
        OpenResult result = openWhatSqliteRefuses();

        assertThat(result).isEqualTo(new OpenResult.Opened(REFUSED_ID, REFUSED, ANA, time(2_000)));
        StoreHealth.Unhealthy unhealthy = awaitUnhealthy();
        assertThat(unhealthy.problem()).isEqualTo(StoreProblem.APPLY_REFUSED);
        Path file = database().toAbsolutePath().normalize();
        assertThat(unhealthy.args()).containsExactly(file, REFUSED_WRITE, JournalFiles.of(file).folder());
        assertThat(unhealthy.message(Lang.EN)).contains(REFUSED_WRITE);
        assertThat(unhealthy.message(Lang.PT_BR)).contains(REFUSED_WRITE);
    }

    @Test
    void writes_afterARefusal_areStillAcknowledgedAndDecidedByTheJournalWriter() throws SQLException {
        openWhatSqliteRefuses();
        awaitUnhealthy();

        assertThat(await(store.checkIn(REFUSED, new Matricula("7"), time(3_000))))
                .isEqualTo(new CheckInResult.Registered(REFUSED, time(3_000)));
        assertThat(await(store.checkIn(REFUSED, new Matricula("7"), time(3_100))))
                .isEqualTo(new CheckInResult.AlreadyRegistered(REFUSED, time(3_000)));
        assertThat(await(store.openRollCall(REFUSED))).hasValueSatisfying(rollCall ->
                assertThat(rollCall.present()).containsExactly(new CheckIn(new Matricula("7"), time(3_000))));
    }

    @Test
    void reads_afterARefusal_failUnavailable() throws SQLException {
        openWhatSqliteRefuses();
        awaitUnhealthy();

        for (var read : List.of(store.history(FIRST), store.closedRollCalls(REFUSED))) {
            assertThat(awaitFailure(read)).isInstanceOfSatisfying(StoreFailure.class,
                    failure -> assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.UNAVAILABLE));
        }
    }

    @Test
    void refusal_isLoggedAsOneLoudErrorNamingTheWrite() throws SQLException {
        try (CapturedLog log = CapturedLog.of(SqliteApplier.class)) {
            openWhatSqliteRefuses();
            awaitUnhealthy();
            await(store.checkIn(REFUSED, new Matricula("7"), time(3_000))); // more writes held back: no more lines
            store.close();

            assertThat(log.lines()).filteredOn(line -> line.startsWith("ERROR")).singleElement().asString()
                    .startsWith("ERROR SQLITE REFUSED AN ACKNOWLEDGED WRITE").contains(REFUSED_WRITE);
        }
    }

    @Test
    void open_againAfterARefusal_isRefusedNamingTheWriteAndKeepsTheJournal() throws SQLException {
        openWhatSqliteRefuses();
        awaitUnhealthy();
        store.close();
        List<Long> segments = Journals.segments(database());

        StoreUnavailableException refused = catchThrowableOfType(StoreUnavailableException.class, this::open);

        assertThat(segments).as("journal after the close").isNotEmpty();
        assertThat(refused).as("second start").isNotNull();
        assertThat(refused.problem()).isEqualTo(StoreProblem.JOURNAL_REFUSED);
        assertThat(refused).hasMessageContaining(REFUSED_WRITE)
                .hasMessageContaining(JournalFiles.of(database().toAbsolutePath().normalize()).folder().toString());
        assertThat(refused.message(Lang.PT_BR)).contains(REFUSED_WRITE);
        assertThat(Journals.segments(database())).as("journal after the refused start").isEqualTo(segments);
    }

    /** The point of it all: nothing acknowledged is lost, however long SQLite refused. */
    @Test
    void acknowledgedWrites_afterTheRefusingRowIsRemoved_areAllThere() throws SQLException {
        openWhatSqliteRefuses();
        awaitUnhealthy();
        List<CheckIn> present = List.of(new CheckIn(new Matricula("0042"), time(3_000)),
                new CheckIn(new Matricula("42"), time(3_001)));
        for (CheckIn checkIn : present) {
            assertThat(await(store.checkIn(REFUSED, checkIn.matricula(), checkIn.at())))
                    .isInstanceOf(CheckInResult.Registered.class);
        }
        store.close();
        assertThat(catchThrowableOfType(StoreUnavailableException.class, this::open)).as("start before the fix")
                .isNotNull();

        execute("DELETE FROM roll_calls WHERE id = " + REFUSED_ID);
        store = open();

        assertThat(store.health()).isInstanceOf(StoreHealth.Healthy.class);
        assertThat(await(store.openRollCall(REFUSED)))
                .hasValue(new RollCall(REFUSED, ANA, time(2_000), Optional.empty(), present));
        assertThat(await(store.history(FIRST))).hasSize(1);
    }

    /**
     * Opens and closes {@link #FIRST} (id 1) and waits for SQLite to hold it, puts a row with
     * id {@link #REFUSED_ID} into roll_calls behind the store's back, then opens
     * {@link #REFUSED}: the store gives it that id, and SQLite refuses the insert.
     */
    private OpenResult openWhatSqliteRefuses() throws SQLException {
        assertThat(await(store.open(FIRST, ANA, time(1_000)))).isInstanceOf(OpenResult.Opened.class);
        await(store.close(FIRST, ANA, time(1_500)));
        assertThat(await(store.history(FIRST))).as("history read once SQLite has the writes").hasSize(1);
        execute("INSERT INTO roll_calls (id, class_id, teacher, opened_at, closed_at)"
                + " VALUES (" + REFUSED_ID + ", 99, 'bruno', 100, 200)");
        return await(store.open(REFUSED, ANA, time(2_000)));
    }

    private StoreHealth.Unhealthy awaitUnhealthy() {
        return (StoreHealth.Unhealthy) Awaitility.await("store unhealthy").atMost(DEADLINE)
                .until(store::health, StoreHealth.Unhealthy.class::isInstance);
    }

    /** Runs {@code sql} on a connection of its own, as a person with the sqlite3 shell would. */
    private void execute(String sql) throws SQLException {
        try (Connection connection = Connections.writer(database()); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private Path database() {
        return dir.resolve("chamada.db");
    }

    private SqliteRollCallStore open() {
        return SqliteRollCallStore.open(database(), Stores.ZONE);
    }
}
