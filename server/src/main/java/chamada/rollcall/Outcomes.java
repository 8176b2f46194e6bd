package chamada.rollcall;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every feature's service does with a request before and after its store: only a teacher
 * may ask for what teachers do, and a store's failure becomes the one error a person is told.
 */
public final class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

    private Outcomes() {
    }

    /** Runs {@code action} for a teacher; anybody else is refused with {@link ErrorCode#AUTH_REQUIRED}. */
    public static <T> CompletableFuture<T> asTeacher(Caller caller, Function<TeacherName, CompletableFuture<T>> action) {
        return switch (caller) {
            case Caller.Teacher teacher -> guarded(action.apply(teacher.name()));
            case Caller.Anonymous anonymous -> CompletableFuture.failedFuture(new ChamadaException(ErrorCode.AUTH_REQUIRED));
        };
    }

    /**
     * Runs {@code action} for a teacher whose {@link ClassAccess} to {@code classId} allows it
     * (reading the class's assigned teachers from {@code classes}); anybody else is refused with
     * {@link ErrorCode#AUTH_REQUIRED}, a teacher of another class with {@link ErrorCode#NOT_ASSIGNED}.
     */
    public static <T> CompletableFuture<T> forClass(Caller caller, ClassId classId, ClassTeachers classes,
                                                    BiFunction<Caller.Teacher, ClassAccess, CompletableFuture<T>> action) {
        return switch (caller) {
            case Caller.Teacher teacher -> guarded(classes.teachersOf(classId).thenCompose(assigned -> {
                ClassAccess access = ClassAccess.of(teacher, assigned);
                return access == ClassAccess.REFUSED
                        ? CompletableFuture.failedFuture(new ChamadaException(ErrorCode.NOT_ASSIGNED, classId, teacher.name()))
                        : action.apply(teacher, access);
            }));
            case Caller.Anonymous anonymous -> CompletableFuture.failedFuture(new ChamadaException(ErrorCode.AUTH_REQUIRED));
        };
    }

    /** Runs {@code action} for an administrator; a teacher is refused with {@link ErrorCode#NOT_ADMINISTRATOR}. */
    public static <T> CompletableFuture<T> asAdministrator(Caller caller, Function<TeacherName, CompletableFuture<T>> action) {
        return switch (caller) {
            case Caller.Teacher teacher when teacher.administrator() -> guarded(action.apply(teacher.name()));
            case Caller.Teacher teacher -> CompletableFuture.failedFuture(
                    new ChamadaException(ErrorCode.NOT_ADMINISTRATOR, teacher.name()));
            case Caller.Anonymous anonymous -> CompletableFuture.failedFuture(new ChamadaException(ErrorCode.AUTH_REQUIRED));
        };
    }

    /** {@code future}, with a store's failure turned into the error a person is told. */
    public static <T> CompletableFuture<T> guarded(CompletableFuture<T> future) {
        return future.exceptionallyCompose(failure -> CompletableFuture.failedFuture(refusal(failure)));
    }

    private static ChamadaException refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ChamadaException refusal) {
            return refusal;
        }
        if (cause instanceof StoreFailure storeFailure) {
            // The store says why once, loudly, when it breaks; here, once per request, only for debugging.
            log.debug("Store operation failed ({}): {}", storeFailure.kind(), storeFailure.getMessage());
            return new ChamadaException(errorCode(storeFailure.kind()));
        }
        log.error("Store operation failed unexpectedly", cause);
        return new ChamadaException(ErrorCode.STORE_UNCERTAIN);
    }

    /**
     * The one place a store's failure becomes what a person is told: never "nothing was
     * changed" when that may be false.
     */
    static ErrorCode errorCode(StoreFailure.Kind kind) {
        return switch (kind) {
            case NOT_MADE -> ErrorCode.STORE_FAILED;
            case UNAVAILABLE -> ErrorCode.STORE_UNAVAILABLE;
            case TIMED_OUT -> ErrorCode.STORE_TIMEOUT;
            case OUTCOME_UNKNOWN -> ErrorCode.STORE_UNCERTAIN;
        };
    }
}
