package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.OpenResult;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Values and waits shared by the SQLite store tests. */
final class Stores {

    /** A zone with an offset other than UTC, so a lost zone shows. */
    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    static final TeacherName ANA = new TeacherName("ana");
    static final TeacherName BRUNO = new TeacherName("bruno");

    /** Long enough for a loaded CI machine; a test only waits this long if it is failing. */
    private static final long DEADLINE_SECONDS = 30;

    private Stores() {
    }

    /** {@code epochMillis} as the store returns it. */
    static OffsetDateTime time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toOffsetDateTime();
    }

    static ClassId classId(int value) {
        return new ClassId(value);
    }

    static CheckIn checkIn(String matricula, long epochMillis) {
        return new CheckIn(new Matricula(matricula), time(epochMillis));
    }

    /**
     * Asks {@code store} for each of {@code writes} through its own methods, as a connection
     * would, without waiting; returns their futures in order. The writes must be valid in
     * order on the store's data, and their roll-call ids those the store will give (on an
     * empty store: 1, 2, 3, ... as {@link RandomWrites#history} makes them).
     */
    static List<CompletableFuture<?>> submitAll(SqliteRollCallStore store, List<Write> writes) {
        Map<Long, Write.Open> opened = new HashMap<>();
        List<CompletableFuture<?>> futures = new ArrayList<>(writes.size());
        for (Write write : writes) {
            futures.add(switch (write) {
                case Write.Open o -> {
                    opened.put(o.id(), o);
                    yield store.open(o.classId(), o.teacher(), o.rules(), time(o.openedAt())).thenApply(result -> {
                        if (!(result instanceof OpenResult.Opened made) || made.id() != o.id()) {
                            throw new AssertionError(o + " came to " + result);
                        }
                        return result;
                    });
                }
                case Write.CheckIn c -> store.checkIn(new CheckInAttempt(opened.get(c.rollCallId()).classId(),
                                c.matricula(), Optional.empty(), c.device(), time(c.at())))
                        .thenApply(result -> expect(result, CheckInResult.Registered.class, c));
                case Write.Replace r -> throw new IllegalArgumentException("replacements need a code-free device history: " + r);
                case Write.Close c -> store.close(opened.get(c.rollCallId()).classId(),
                        opened.get(c.rollCallId()).teacher(), time(c.closedAt()))
                        .thenApply(result -> expect(result, CloseResult.Closed.class, c));
                case Write.Roster r -> store.replaceRoster(r.classId(), r.students());
                case Write.Mark m -> throw new IllegalArgumentException("these histories have no corrections: " + m);
                case Write.Forget f -> throw new IllegalArgumentException("these histories forget nobody: " + f);
                case Write.Purge p -> throw new IllegalArgumentException("these histories purge nothing: " + p);
            });
        }
        return futures;
    }

    private static <T> T expect(T result, Class<?> expected, Write write) {
        if (!expected.isInstance(result)) {
            throw new AssertionError(write + " came to " + result);
        }
        return result;
    }

    /** Waits for {@code future} with a deadline and returns its value; a failure is rethrown as is. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("store future did not complete within " + DEADLINE_SECONDS + " s", e);
        }
    }

    /** Waits for {@code future} to fail and returns why. */
    static Throwable awaitFailure(CompletableFuture<?> future) {
        try {
            future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("store future did not complete within " + DEADLINE_SECONDS + " s", e);
        }
        throw new AssertionError("expected the write to fail, but it succeeded");
    }
}
