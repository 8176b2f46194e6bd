package chamada.privacy;

import chamada.rollcall.Matricula;

import java.util.concurrent.CompletableFuture;

/**
 * What a store gives and does for a student's data-protection rights.
 *
 * <p>Contract (the store contract suite checks it for every store):
 * <ul>
 *   <li>{@link #studentRecords} holds every record naming the matrícula, in open and closed roll
 *       calls, read after every write acknowledged before it.</li>
 *   <li>{@link #forget} replaces the matrícula by the pseudonym in every record, in one atomic
 *       step: check-ins (their device id dropped), the check-ins a phone replaced, statuses and
 *       audit records (their reason becomes {@code -}), so that every count of the roll calls
 *       closed stays as it was; and takes the student off every roster, name and all, so that
 *       no later close counts them absent. It is refused with {@code InOpenRollCall}, changing
 *       nothing, while the student is present or marked in an open roll call. It is kept in the
 *       privacy log, by the pseudonym. When its future completes, no file of the store holds the
 *       matrícula any more: the embedded store has deleted the journal segments that did and
 *       emptied SQLite's write-ahead log; PostgreSQL's tables no longer show it (its own files
 *       keep old row versions until they are vacuumed).</li>
 * </ul>
 * A forget of a matrícula the store holds nothing about is refused by the service before it
 * reaches the store ({@link ForgetResult.NothingHeld}).
 */
public interface PrivacyStore {

    CompletableFuture<StudentRecords> studentRecords(Matricula matricula);

    CompletableFuture<ForgetResult> forget(Forget forget);
}
