package chamada.application;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.rollcall.TeacherName;
import chamada.teachers.Role;
import chamada.teachers.Teachers;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Password checks answered off the caller's thread, and answered even when the server stops. */
class LoginsTest {

    @Test
    void close_withChecksRunningQueuedAndLate_answersEveryOne() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Logins logins = new Logins(slowTeachers(checking, never), new SessionTokens(new byte[32], Clock.systemUTC()));
        CompletableFuture<TeacherName> running = logins.authenticate(TeacherName.ofLogin("ana"), "s3cret");
        assertThat(checking.await(30, TimeUnit.SECONDS)).as("the first check started").isTrue();
        CompletableFuture<TeacherName> queued = logins.authenticate(TeacherName.ofLogin("bruno"), "s3cret");

        logins.close();
        CompletableFuture<TeacherName> late = logins.authenticate(TeacherName.ofLogin("carla"), "s3cret");

        // The running check may finish with its true answer as the pool stops, or be told it stops; it finishes.
        assertThat(running.handle((teacher, failure) -> true)).succeedsWithin(30, TimeUnit.SECONDS);
        for (CompletableFuture<TeacherName> check : List.of(queued, late)) {
            assertThat(check).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(ChamadaException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SHUTTING_DOWN));
        }
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
