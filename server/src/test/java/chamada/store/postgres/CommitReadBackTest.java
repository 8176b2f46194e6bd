package chamada.store.postgres;

import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.EventHub;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.TeacherName;
import chamada.store.Command;
import chamada.store.RollCallReads;
import chamada.store.StoreMeters;
import chamada.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A commit whose connection is lost is read back before its callers are answered: made, they
 * get their outcomes; not made, they are told nothing was changed. The connection is lost on
 * purpose, right after PostgreSQL committed or right before, by a data source that fails the
 * commit's answer.
 */
class CommitReadBackTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final ClassId CLASS = new ClassId(1010);

    /** What the next commit does: go through, be lost after it was made, or be lost before. */
    private enum Commit { THROUGH, LOST_AFTER, LOST_BEFORE }

    private volatile Commit next = Commit.THROUGH;
    private PostgresAddress database;
    private PostgresWriter writer;
    private PostgresStore reader;
    private long clock = 1_764_000_000_000L;

    @BeforeEach
    void start() {
        database = TestPostgres.freshDatabase();
        reader = PostgresStore.open(database, Optional.empty(), ZONE);
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL(database.jdbcUrl());
        plain.setUser(database.user());
        EventHub hub = new EventHub();
        writer = new PostgresWriter(faulty(plain), new PostgresRules(ZONE, new RollCallReads(ZONE)),
                new PostgresEvents(database, Optional.empty(), plain, hub, ZONE, PostgresEvents.POLL),
                database.toString(), new StoreMeters("postgres"));
        writer.start();
        assertThat(await(writer.submit(new Command.Open(CLASS, new TeacherName("ana"), CheckInRules.none(), tick(),
                new CompletableFuture<>())))).isInstanceOf(OpenResult.Opened.class);
    }

    @AfterEach
    void stop() {
        writer.stop();
        reader.close();
    }

    @Test
    void aCommitMadeButNotAcknowledged_isReadBack_andTheCallerRegistered() {
        next = Commit.LOST_AFTER;

        CheckInResult result = await(checkIn("042191010"));

        assertThat(result).isInstanceOf(CheckInResult.Registered.class);
        assertThat(await(reader.openRollCall(CLASS)).orElseThrow().present()).extracting(c -> c.matricula().value())
                .containsExactly("042191010");
    }

    @Test
    void aCommitLostBeforeItWasMade_isReadBack_andTheCallerToldNothingChanged() {
        next = Commit.LOST_BEFORE;

        assertThatThrownBy(() -> await(checkIn("042191010"))).cause().isInstanceOfSatisfying(StoreFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.NOT_MADE));
        assertThat(await(reader.openRollCall(CLASS)).orElseThrow().present()).isEmpty();
        assertThat(await(checkIn("042191010"))).isInstanceOf(CheckInResult.Registered.class);
    }

    private CompletableFuture<CheckInResult> checkIn(String matricula) {
        return writer.submit(new Command.CheckIn(CheckInAttempt.plain(CLASS, new Matricula(matricula), tick()),
                new CompletableFuture<>()));
    }

    /** {@code plain}'s connections, whose commit does what {@link #next} says once, then goes through again. */
    private DataSource faulty(PGSimpleDataSource plain) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(plain, method, args);
                    return result instanceof Connection connection ? faulty(connection) : result;
                });
    }

    private Connection faulty(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit") && next != Commit.THROUGH) {
                        Commit commit = next;
                        next = Commit.THROUGH;
                        if (commit == Commit.LOST_AFTER) {
                            connection.commit();
                        } else {
                            connection.rollback();
                        }
                        connection.close();
                        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
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
