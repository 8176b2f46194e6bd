package chamada.application;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.rollcall.Network;
import chamada.rollcall.TeacherName;
import chamada.teachers.Role;
import chamada.teachers.Teachers;
import chamada.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Password checks answered off the caller's thread, and answered even when the server stops. */
class LoginsTest {

    private static final InetAddress HERE = InetAddress.getLoopbackAddress();
    private static final InetAddress ELSEWHERE = Network.parse("192.0.2.7").base();

    @Test
    void close_withChecksRunningQueuedAndLate_answersEveryOne() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Logins logins = logins(slowTeachers(checking, never), Clock.systemUTC());
        CompletableFuture<TeacherName> running = logins.authenticate(TeacherName.ofLogin("ana"), "s3cret", HERE);
        assertThat(checking.await(30, TimeUnit.SECONDS)).as("the first check started").isTrue();
        CompletableFuture<TeacherName> queued = logins.authenticate(TeacherName.ofLogin("bruno"), "s3cret", HERE);

        logins.close();
        CompletableFuture<TeacherName> late = logins.authenticate(TeacherName.ofLogin("carla"), "s3cret", HERE);

        // The running check may finish with its true answer as the pool stops, or be told it stops; it finishes.
        assertThat(running.handle((teacher, failure) -> true)).succeedsWithin(30, TimeUnit.SECONDS);
        for (CompletableFuture<TeacherName> check : List.of(queued, late)) {
            assertThat(check).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(ChamadaException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SHUTTING_DOWN));
        }
    }

    /**
     * Issue 16 (security review): a device on the network could try teachers' secrets as fast as
     * the server hashed them, with no limit but the queue's. Now an address past
     * {@link LoginLimits#FREE} wrong secrets waits, doubling, before its next is checked; a right
     * secret does not count, and another address is not held back.
     */
    @Test
    void authenticate_manyWrongSecretsFromOneAddress_isHeldBackBeforeTheCheck_andAnotherAddressIsNot() {
        MutableClock clock = noon();
        AtomicInteger checked = new AtomicInteger();
        Logins logins = logins(teachersWhoseSecretIs("right", checked), clock);
        TeacherName ana = TeacherName.ofLogin("ana");
        assertThat(logins.authenticate(ana, "right", ELSEWHERE)).succeedsWithin(30, TimeUnit.SECONDS);
        for (int i = 0; i < LoginLimits.FREE; i++) {
            assertRefused(logins.authenticate(ana, "wrong " + i, ELSEWHERE), ErrorCode.AUTH_FAILED);
        }

        CompletableFuture<TeacherName> heldBack = logins.authenticate(ana, "right", ELSEWHERE);
        CompletableFuture<TeacherName> fromHere = logins.authenticate(ana, "right", HERE);
        clock.advance(LoginLimits.FIRST);
        assertRefused(logins.authenticate(ana, "wrong again", ELSEWHERE), ErrorCode.AUTH_FAILED);
        CompletableFuture<TeacherName> heldLonger = logins.authenticate(ana, "right", ELSEWHERE);
        clock.advance(LoginLimits.FIRST.multipliedBy(2));
        CompletableFuture<TeacherName> afterTheWait = logins.authenticate(ana, "right", ELSEWHERE);

        assertRefused(heldBack, ErrorCode.TOO_MANY_LOGINS);
        assertRefused(heldLonger, ErrorCode.TOO_MANY_LOGINS);
        assertThat(fromHere).succeedsWithin(30, TimeUnit.SECONDS);
        assertThat(afterTheWait).succeedsWithin(30, TimeUnit.SECONDS);
        assertThat(checked).as("secrets checked: the held-back ones were not").hasValue(LoginLimits.FREE + 4);
        logins.close();
    }

    @Test
    void delay_isNoneWithinTheAllowance_thenDoublesUpToTheCeiling() {
        assertThat(LoginLimits.delay(LoginLimits.FREE - 1)).isZero();
        assertThat(LoginLimits.delay(LoginLimits.FREE)).isEqualTo(LoginLimits.FIRST);
        assertThat(LoginLimits.delay(LoginLimits.FREE + 1)).isEqualTo(LoginLimits.FIRST.multipliedBy(2));
        assertThat(LoginLimits.delay(LoginLimits.FREE + 1_000)).isEqualTo(LoginLimits.CEILING);
    }

    /**
     * A session resumed with a token is logged out when the token expires: before, a native
     * connection or a live view kept open outlived it, since only the account was read again.
     */
    @Test
    void caller_ofASessionResumedWithATokenThatHasSinceExpired_isTokenInvalid() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
        SessionTokens tokens = new SessionTokens(new byte[32], clock);
        Logins logins = new Logins(teachersWhoseSecretIs("right", new AtomicInteger()), tokens, clock);
        SessionTokens.Verified verified = logins.resume(tokens.issue(TeacherName.ofLogin("ana"))).join();
        Session session = new Session(Lang.EN, false, Optional.empty(), HERE);
        session.login(verified.teacher(), verified.expires());
        assertThat(logins.caller(session)).succeedsWithin(30, TimeUnit.SECONDS);

        clock.advance(SessionTokens.LIFETIME);

        assertThat(logins.caller(session)).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(ChamadaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID));
        assertThat(session.teacher()).isEmpty();
    }

    /**
     * Review of issue 16: a login counted as wrong until checked, and the limit was the address's,
     * so teachers logging in together behind one NAT address were refused past the allowance.
     */
    @Test
    void authenticate_manyTeachersAtOnceFromOneAddress_isNeverRefused() {
        CountDownLatch go = new CountDownLatch(1);
        Logins logins = logins(teachersWhoWaitFor(go), Clock.systemUTC());
        List<CompletableFuture<TeacherName>> waiting = new ArrayList<>();
        for (int i = 0; i < Logins.MAX_WAITING; i++) {
            waiting.add(logins.authenticate(TeacherName.ofLogin("teacher" + i), "right", ELSEWHERE));
        }

        go.countDown();

        for (CompletableFuture<TeacherName> login : waiting) {
            assertThat(login).succeedsWithin(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Review of issue 16: one guesser of one teacher's secret, sending a guess each time its wait
     * ended, kept every teacher on its address from logging in. Now only that name waits there,
     * however long the guessing goes on, and the guesser is still held back.
     */
    @Test
    void authenticate_aGuesserOfOneNameForHours_holdsBackThatNameOnly() {
        MutableClock clock = noon();
        AtomicInteger checked = new AtomicInteger();
        Logins logins = logins(teachersWhoseSecretIs("right", checked), clock);
        TeacherName ana = TeacherName.ofLogin("ana");
        for (int i = 0; i < LoginLimits.ADDRESS_FREE * 3; i++) {
            clock.advance(LoginLimits.CEILING);
            logins.authenticate(ana, "wrong " + i, ELSEWHERE).exceptionally(failure -> null).join();
        }

        CompletableFuture<TeacherName> guesser = logins.authenticate(ana, "wrong again", ELSEWHERE);
        CompletableFuture<TeacherName> another = logins.authenticate(TeacherName.ofLogin("bia"), "right", ELSEWHERE);

        assertRefused(guesser, ErrorCode.TOO_MANY_LOGINS);
        assertThat(another).succeedsWithin(30, TimeUnit.SECONDS);
    }

    /** A guesser who tries one secret each for many names is held back by the address's allowance. */
    @Test
    void authenticate_oneWrongSecretEachForManyNames_isHeldBackPastTheAddressAllowance() {
        MutableClock clock = noon();
        AtomicInteger checked = new AtomicInteger();
        Logins logins = logins(teachersWhoseSecretIs("right", checked), clock);
        for (int i = 0; i < LoginLimits.ADDRESS_FREE; i++) {
            assertRefused(logins.authenticate(TeacherName.ofLogin("teacher" + i), "wrong", ELSEWHERE),
                    ErrorCode.AUTH_FAILED);
        }

        CompletableFuture<TeacherName> next = logins.authenticate(TeacherName.ofLogin("another"), "wrong", ELSEWHERE);
        CompletableFuture<TeacherName> fromHere = logins.authenticate(TeacherName.ofLogin("another"), "right", HERE);

        assertRefused(next, ErrorCode.TOO_MANY_LOGINS);
        assertThat(fromHere).succeedsWithin(30, TimeUnit.SECONDS);
        assertThat(checked).as("secrets checked: the held-back one was not").hasValue(LoginLimits.ADDRESS_FREE + 1);
    }

    /** Logins over {@code teachers}, with a session key of zeros, on {@code clock}. */
    private static Logins logins(Teachers teachers, Clock clock) {
        return new Logins(teachers, new SessionTokens(new byte[32], clock), clock);
    }

    /** Teachers whose every name has the secret "right", each check waiting for {@code go}. */
    private static Teachers teachersWhoWaitFor(CountDownLatch go) {
        return new Teachers() {
            @Override
            public boolean openMode() {
                return false;
            }

            @Override
            public Optional<TeacherName> authenticate(String name, String typed) {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
                return typed.equals("right") ? Optional.of(TeacherName.ofLogin(name)) : Optional.empty();
            }

            @Override
            public CompletableFuture<Optional<Role>> role(TeacherName name) {
                return CompletableFuture.completedFuture(Optional.of(Role.TEACHER));
            }
        };
    }

    private static MutableClock noon() {
        return new MutableClock(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    }

    private static void assertRefused(CompletableFuture<TeacherName> login, ErrorCode code) {
        assertThat(login).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(ChamadaException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** Teachers whose every name has {@code secret}, counting the checks. */
    private static Teachers teachersWhoseSecretIs(String secret, AtomicInteger checked) {
        return new Teachers() {
            @Override
            public boolean openMode() {
                return false;
            }

            @Override
            public Optional<TeacherName> authenticate(String name, String typed) {
                checked.incrementAndGet();
                return typed.equals(secret) ? Optional.of(TeacherName.ofLogin(name)) : Optional.empty();
            }

            @Override
            public CompletableFuture<Optional<Role>> role(TeacherName name) {
                return CompletableFuture.completedFuture(Optional.of(Role.TEACHER));
            }
        };
    }

    /** Teachers whose password check starts, says so, and then waits for {@code never}. */
    private static Teachers slowTeachers(CountDownLatch checking, CountDownLatch never) {
        return new Teachers() {
            @Override
            public boolean openMode() {
                return false;
            }

            @Override
            public Optional<TeacherName> authenticate(String name, String secret) {
                checking.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(TeacherName.ofLogin(name));
            }

            @Override
            public CompletableFuture<Optional<Role>> role(TeacherName name) {
                return CompletableFuture.completedFuture(Optional.of(Role.TEACHER));
            }
        };
    }
}
