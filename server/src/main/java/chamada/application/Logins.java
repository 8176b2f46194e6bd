package chamada.application;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.HumanCount;
import chamada.rollcall.Caller;
import chamada.rollcall.TeacherName;
import chamada.teachers.PasswordHash;
import chamada.teachers.Role;
import chamada.teachers.Teachers;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Checks teachers' secrets off the fronts' threads.
 *
 * <p>A password check is a deliberately slow PBKDF2 run, a few hundred milliseconds of CPU.
 * Run on a connection's virtual thread it would hold one of the machine's two carriers that
 * long, and a handful of teachers logging in at the start of a period would stall every
 * check-in; on an event loop it would stall every connection of the loop. Here the checks
 * queue for one platform thread instead, and the caller gets a future. At most
 * {@link #MAX_WAITING} wait; more are refused with {@link ErrorCode#LOGIN_BUSY} at once. A name
 * that got too many wrong secrets lately from an address, or an address that sent too many for any
 * names, waits before its next is checked ({@link LoginLimits}, {@link ErrorCode#TOO_MANY_LOGINS}).
 */
final class Logins implements AutoCloseable {

    /** Logins allowed to wait at once; more are told to try again rather than queue for minutes. */
    static final int MAX_WAITING = 32;

    private final Teachers teachers;
    private final SessionTokens tokens;
    private final LoginLimits limits;
    private final Clock clock;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    /** The checks asked for and not answered yet: {@link #close} answers them, so no caller waits for good. */
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService hashing = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("chamada-login").daemon(true).factory());

    Logins(Teachers teachers, SessionTokens tokens, Clock clock) {
        this.teachers = teachers;
        this.tokens = tokens;
        this.limits = new LoginLimits(clock);
        this.clock = clock;
    }

    boolean openMode() {
        return teachers.openMode();
    }

    /**
     * The teacher these credentials, sent from {@code from}, belong to; fails with
     * {@link ErrorCode#AUTH_FAILED} otherwise, or with {@link ErrorCode#TOO_MANY_LOGINS} unchecked.
     */
    CompletableFuture<TeacherName> authenticate(TeacherName name, String secret, InetAddress from) {
        if (!waiting.tryAcquire()) {
            return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.LOGIN_BUSY));
        }
        Optional<Duration> wait = limits.begin(from, name);
        if (wait.isPresent()) {
            waiting.release();
            return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.TOO_MANY_LOGINS,
                    HumanCount.seconds(wait.get())));
        }
        CompletableFuture<TeacherName> check = new CompletableFuture<>();
        pending.add(check);
        check.whenComplete((teacher, failure) -> {
            pending.remove(check);
            waiting.release();
        });
        try {
            hashing.execute(() -> {
                try {
                    TeacherName teacher = check(name, secret);
                    limits.succeeded(from, name);
                    check.complete(teacher);
                } catch (RuntimeException e) {
                    check.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            check.completeExceptionally(new ChamadaException(ErrorCode.SHUTTING_DOWN));
        }
        return check;
    }

    /** A hash of a new secret, made on the login thread, where the queue's limit holds as for a login. */
    CompletableFuture<PasswordHash> hash(String secret) {
        if (!waiting.tryAcquire()) {
            return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.LOGIN_BUSY));
        }
        CompletableFuture<PasswordHash> hashed = new CompletableFuture<>();
        pending.add(hashed);
        hashed.whenComplete((hash, failure) -> {
            pending.remove(hashed);
            waiting.release();
        });
        try {
            hashing.execute(() -> hashed.complete(PasswordHash.of(secret)));
        } catch (RejectedExecutionException e) {
            hashed.completeExceptionally(new ChamadaException(ErrorCode.SHUTTING_DOWN));
        }
        return hashed;
    }

    /**
     * A session token for {@code teacher}, who has just logged in; none in open mode, where a
     * login checks no secret, so that a token made there is not honoured once a teachers file is
     * added (or by a server sharing the store that has one).
     */
    Optional<String> token(TeacherName teacher) {
        return teachers.openMode() ? Optional.empty() : Optional.of(tokens.issue(teacher));
    }

    /**
     * The teacher {@code token} stands for and until when, checked without the slow password
     * hash; fails with {@link ErrorCode#TOKEN_INVALID} if it is forged, expired, another store's,
     * or of a teacher whose account has been removed or disabled since.
     */
    CompletableFuture<SessionTokens.Verified> resume(String token) {
        Optional<SessionTokens.Verified> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.TOKEN_INVALID));
        }
        return teachers.role(verified.get().teacher()).thenApply(role -> role.map(r -> verified.get())
                .orElseThrow(() -> new ChamadaException(ErrorCode.TOKEN_INVALID)));
    }

    /**
     * Who the rules see for {@code session}, as things stand now: the logged-in teacher, with
     * their account read again (a teacher disabled or removed since is logged out and refused
     * with {@link ErrorCode#ACCOUNT_INACTIVE}, one whose session token has expired since the
     * session resumed it with {@link ErrorCode#TOKEN_INVALID}, so that a connection or a live view
     * kept open does not outlive its token); on a port the server answers for itself (the
     * legacy ports), its reserved owner, who administers nothing; in open mode, without a login,
     * the shared {@link TeacherName#OPEN_MODE} teacher; otherwise somebody who may only check in.
     * In open mode a caller is an administrator only from the server's own machine: anybody on
     * the network may act as a teacher there, as the seeds let them, but not make accounts or
     * forget students. Answered at once, without the store, for anybody but a logged-in teacher.
     */
    CompletableFuture<Caller> caller(Session session) {
        Optional<TeacherName> teacher = session.teacher();
        if (teacher.isPresent()) {
            if (session.loginExpired(clock.instant())) {
                session.logout();
                return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.TOKEN_INVALID));
            }
            return teachers.role(teacher.get()).thenApply(role -> {
                if (role.isEmpty()) {
                    session.logout();
                    throw new ChamadaException(ErrorCode.ACCOUNT_INACTIVE, teacher.get());
                }
                return new Caller.Teacher(teacher.get(), role.get() == Role.ADMINISTRATOR
                        && (!session.openMode() || session.address().isLoopbackAddress()));
            });
        }
        if (session.server().isPresent()) {
            return CompletableFuture.completedFuture(new Caller.Teacher(session.server().get(), false));
        }
        return CompletableFuture.completedFuture(session.openMode()
                ? new Caller.Teacher(TeacherName.OPEN_MODE, session.address().isLoopbackAddress())
                : new Caller.Anonymous());
    }

    private TeacherName check(TeacherName name, String secret) {
        Optional<TeacherName> teacher = teachers.authenticate(name.value(), secret);
        return teacher.orElseThrow(() -> new ChamadaException(ErrorCode.AUTH_FAILED));
    }

    /** Stops checking; whoever still waits for a check is told the server is shutting down. */
    @Override
    public void close() {
        // The pool first: a check asked for after this is refused by the pool and answered at once;
        // one asked for before is in pending. One that finishes meanwhile gives its true answer.
        hashing.shutdownNow();
        pending.forEach(check -> check.completeExceptionally(new ChamadaException(ErrorCode.SHUTTING_DOWN)));
    }
}
