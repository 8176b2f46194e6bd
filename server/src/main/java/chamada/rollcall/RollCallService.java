package chamada.rollcall;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Who may do what with roll calls, the same for every front: teachers open, read and close
 * them; anybody may check in. What each request comes to is the store's decision
 * ({@link RollCallStore}); this service holds no roll call of its own.
 *
 * <p>Every method returns at once with a future: a front on a virtual thread waits on it, an
 * event loop composes it. A refusal of who is asking fails the future with a
 * {@link ChamadaException}; so does a store that cannot give an outcome, with the one error
 * code that says what is known of the change ({@link #errorCode}). Thread-safe and stateless.
 */
public final class RollCallService {

    private static final Logger log = LoggerFactory.getLogger(RollCallService.class);

    private final RollCallStore store;
    private final Clock clock;

    public RollCallService(RollCallStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Opens the roll call of {@code classId}; a teacher may. */
    public CompletableFuture<OpenResult> open(Caller caller, ClassId classId) {
        return asTeacher(caller, teacher -> store.open(classId, teacher, now()).thenApply(result -> {
            if (result instanceof OpenResult.Opened opened) {
                log.info("Roll call of class {} opened by {} (id {})", classId, teacher, opened.id());
            }
            return result;
        }));
    }

    /** Registers {@code matricula} in the open roll call of {@code classId}; anybody may check in. */
    public CompletableFuture<CheckInResult> checkIn(Matricula matricula, ClassId classId) {
        return guarded(store.checkIn(classId, matricula, now()));
    }

    /** The open roll call of {@code classId} as it stands; any teacher may read it. */
    public CompletableFuture<RollCall> status(Caller caller, ClassId classId) {
        return asTeacher(caller, teacher -> store.openRollCall(classId).thenApply(
                open -> open.orElseThrow(() -> new ChamadaException(ErrorCode.NOT_OPEN, classId))));
    }

    /** Closes the roll call of {@code classId}; a teacher may, as {@link TeacherName#mayClose} says. */
    public CompletableFuture<CloseResult> close(Caller caller, ClassId classId) {
        return asTeacher(caller, teacher -> store.close(classId, teacher, now()).thenApply(result -> {
            if (result instanceof CloseResult.Closed closed) {
                log.info("Roll call of class {} closed by {} with {} present", classId, teacher,
                        closed.rollCall().present().size());
            }
            return result;
        }));
    }

    /** The closed roll calls of {@code classId}, oldest first, with their counts; any teacher may read them. */
    public CompletableFuture<List<PastRollCall>> history(Caller caller, ClassId classId) {
        return asTeacher(caller, teacher -> store.history(classId));
    }

    /** The closed roll calls of {@code classId}, oldest first, with every check-in; any teacher may read them. */
    public CompletableFuture<List<RollCall>> export(Caller caller, ClassId classId) {
        return asTeacher(caller, teacher -> store.closedRollCalls(classId));
    }

    /** Whether the store keeps all its promises; anybody may ask. */
    public StoreHealth health() {
        return store.health();
    }

    private <T> CompletableFuture<T> asTeacher(Caller caller, Function<TeacherName, CompletableFuture<T>> action) {
        return switch (caller) {
            case Caller.Teacher teacher -> guarded(action.apply(teacher.name()));
            case Caller.Anonymous anonymous -> CompletableFuture.failedFuture(new ChamadaException(ErrorCode.AUTH_REQUIRED));
        };
    }

    /** {@code future}, with a store's failure turned into the error a person is told. */
    private static <T> CompletableFuture<T> guarded(CompletableFuture<T> future) {
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

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
