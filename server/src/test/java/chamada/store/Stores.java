package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

    /** Makes {@code write} through the store's own methods, as a connection would; returns its future. */
    static CompletableFuture<Void> submit(SqliteRollCallStore store, Write write) {
        return switch (write) {
            case Write.Open o -> store.open(o.id(), o.classId(), o.teacher(), time(o.openedAt()));
            case Write.CheckIn c -> store.checkIn(c.rollCallId(), new CheckIn(c.matricula(), time(c.at())));
            case Write.Close c -> store.close(c.rollCallId(), time(c.closedAt()));
        };
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
