package chamada.server;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.rollcall.TeacherName;
import chamada.teachers.Teachers;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Checks teachers' secrets off the connections' carrier threads.
 *
 * <p>A password check is a deliberately slow PBKDF2 run, a few hundred milliseconds of CPU.
 * Run on a connection's virtual thread it would hold one of the machine's two carriers that
 * long, and a handful of teachers logging in at the start of a period would stall every
 * check-in. Here the checks queue for one platform thread instead; the waiting virtual
 * threads park and free their carriers. At most {@link #MAX_WAITING} wait; more are refused
 * with {@link ErrorCode#LOGIN_BUSY} at once.
 */
final class Logins implements AutoCloseable {

    /** Logins allowed to wait at once; more are told to try again rather than queue for minutes. */
    static final int MAX_WAITING = 32;

    private final Teachers teachers;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private final ExecutorService hashing = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("chamada-login").daemon(true).factory());

    Logins(Teachers teachers) {
        this.teachers = teachers;
    }

    boolean openMode() {
        return teachers.openMode();
    }

    /** The teacher these credentials belong to; {@link ErrorCode#AUTH_FAILED} otherwise. */
    TeacherName authenticate(TeacherName name, String secret) {
        if (!waiting.tryAcquire()) {
            throw new ChamadaException(ErrorCode.LOGIN_BUSY);
        }
        try {
            Future<Optional<TeacherName>> check = hashing.submit(() -> teachers.authenticate(name.value(), secret));
            return check.get().orElseThrow(() -> new ChamadaException(ErrorCode.AUTH_FAILED));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChamadaException(ErrorCode.SHUTTING_DOWN);
        } catch (ExecutionException e) {
            throw new IllegalStateException("password check failed", e.getCause());
        } finally {
            waiting.release();
        }
    }

    @Override
    public void close() {
        hashing.shutdownNow();
    }
}
