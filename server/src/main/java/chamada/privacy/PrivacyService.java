package chamada.privacy;

import chamada.rollcall.Caller;
import chamada.rollcall.Matricula;
import chamada.rollcall.Outcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;

/** A student's data-protection rights, exercised by a school administrator, the same for every front. */
public final class PrivacyService {

    private static final Logger log = LoggerFactory.getLogger(PrivacyService.class);

    private final PrivacyStore store;

    private final Clock clock;

    public PrivacyService(PrivacyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Everything held about {@code matricula}; an administrator may read it, and the log says who did. */
    public CompletableFuture<StudentRecords> studentRecords(Caller caller, Matricula matricula) {
        return Outcomes.asAdministrator(caller, administrator -> store.studentRecords(matricula)
                .thenApply(records -> {
                    log.info("Everything held about a student exported by {}", administrator);
                    return records;
                }));
    }

    /**
     * Forgets {@code matricula}: a random pseudonym takes its place everywhere; an administrator
     * may. The log names the pseudonym, never the matrícula.
     */
    public CompletableFuture<ForgetResult> forget(Caller caller, Matricula matricula) {
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Outcomes.asAdministrator(caller, administrator -> store.studentRecords(matricula).thenCompose(held ->
                held.isEmpty() ? CompletableFuture.completedFuture(new ForgetResult.NothingHeld())
                        : store.forget(new Forget(matricula, Pseudonyms.next(), administrator, at))).thenApply(result -> {
                    if (result instanceof ForgetResult.Forgotten forgotten) {
                        log.info("A student forgotten by {}: their records now name {}", administrator,
                                forgotten.pseudonym());
                    }
                    return result;
                }));
    }
}
