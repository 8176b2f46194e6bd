package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where roll calls are kept, and where the rules about them are decided: the store decides.
 *
 * <p>Each write method is a conditional write: the store checks the rule and makes the change
 * in one atomic step, and its future completes with the outcome. An embedded store decides on
 * its one writer thread; a SQL store by its constraints and transactions. Nothing above the
 * store keeps a copy of which roll calls are open, so several servers may share one store.
 * {@link RollCallService} decides only who may ask.
 *
 * <p>Contract every implementation keeps (and the store contract suite checks):
 * <ul>
 *   <li><b>One open roll call per class</b>: {@link #open} gives {@link OpenResult.Opened}
 *       to exactly one of any number of concurrent callers for a class; the others get
 *       {@link OpenResult.AlreadyOpen} with that roll call's opening time.</li>
 *   <li><b>A matrícula counts once per roll call</b>: {@link #checkIn} gives
 *       {@link CheckInResult.Registered} once; every other check-in of that matrícula gets
 *       {@link CheckInResult.AlreadyRegistered} with the first one's time, and never before
 *       that first one is durable. A check-in into a class with no open roll call gets
 *       {@link CheckInResult.NotOpen}; one stamped before its roll call's opening is taken at
 *       the opening ({@link CheckInAttempt#notBefore}).</li>
 *   <li><b>Codes</b>: a roll call opened with a {@link CodePolicy} that needs a code refuses a
 *       check-in without one ({@link CheckInResult.CodeRequired}) or with one
 *       {@link CheckInCode#accepts} refuses at the check-in's time ({@link CheckInResult.WrongCode}),
 *       before anything else is looked at; its {@link CheckInRules} (the secret included) are
 *       kept with it, so the same codes are accepted after a restart.</li>
 *   <li><b>One device, one check-in</b>: unless the roll call allows shared devices, a device
 *       that checked in one matrícula and asks for another gets {@link CheckInResult.Replaced}
 *       (the first is taken out, the replacement recorded) within
 *       {@link CheckInRules#REPLACE_WINDOW} of its first check-in, and
 *       {@link CheckInResult.DeviceAlreadyUsed} after. A matrícula already present is
 *       {@link CheckInResult.AlreadyRegistered} whatever the device.</li>
 *   <li><b>Only the owner closes</b>, as {@link TeacherName#mayClose} says; otherwise
 *       {@link CloseResult.NotOwner}, or {@link CloseResult.NotOpen}.</li>
 *   <li><b>Ids</b>: the store gives each opened roll call an id never given before, even
 *       across restarts.</li>
 *   <li><b>Durability</b>: a future completes with an outcome that changed something only once
 *       the change is durable (fsynced, or committed); it survives a crash and a reopen. A
 *       write once acknowledged is never dropped: a store that cannot apply it stops applying
 *       and reports itself {@link StoreHealth.Unhealthy}.</li>
 *   <li><b>Order</b>: outcomes are decided in one order, and a read sees every change whose
 *       future has completed.</li>
 *   <li><b>Failures</b>: a future that cannot give an outcome fails with a {@link StoreFailure}
 *       saying what is known of the change.</li>
 *   <li>No method blocks its caller: everything waits on the futures.</li>
 * </ul>
 */
public interface RollCallStore extends AutoCloseable {

    /** Opens the roll call of {@code classId} for {@code teacher} at {@code at} with {@code rules}, unless one is open. */
    CompletableFuture<OpenResult> open(ClassId classId, TeacherName teacher, CheckInRules rules, OffsetDateTime at);

    /** Opens a roll call without codes ({@link CheckInRules#none()}), as the legacy ports always do. */
    default CompletableFuture<OpenResult> open(ClassId classId, TeacherName teacher, OffsetDateTime at) {
        return open(classId, teacher, CheckInRules.none(), at);
    }

    /** Registers the attempt's matrícula, at its time, in the open roll call of its class, if its rules let it. */
    CompletableFuture<CheckInResult> checkIn(CheckInAttempt attempt);

    /** A check-in with no code and no device. */
    default CompletableFuture<CheckInResult> checkIn(ClassId classId, Matricula matricula, OffsetDateTime at) {
        return checkIn(CheckInAttempt.plain(classId, matricula, at));
    }

    /**
     * Closes the open roll call of {@code classId} at {@code at}, if {@code teacher} may: its
     * opener ({@link TeacherName#mayClose}), or anybody when {@code closesAny} (the class's
     * assigned teachers and administrators, {@link ClassAccess#closesAny}).
     */
    CompletableFuture<CloseResult> close(ClassId classId, TeacherName teacher, OffsetDateTime at, boolean closesAny);

    /**
     * Deletes every roll call closed before {@code cutoff}, with everything recorded in it: its
     * check-ins, statuses and audit records (--retain-days); answers how many. An open roll call
     * is never deleted. Durable before it completes.
     */
    CompletableFuture<Integer> deleteClosedBefore(OffsetDateTime cutoff);

    /** A close only its opener may make. */
    default CompletableFuture<CloseResult> close(ClassId classId, TeacherName teacher, OffsetDateTime at) {
        return close(classId, teacher, at, false);
    }

    /**
     * Where live views hear what happens to roll calls: every change an outcome reports is
     * published there once durable, after its caller's future completed, whichever node made
     * it: in the store's order for the changes of one node; another node's may come a few tens
     * of milliseconds earlier or later, each check-in carrying its roll call's count at its
     * commit, so a view keeps the highest count it heard.
     */
    RollCallEvents events();

    /** The open roll call of {@code classId} as it stands, with every durable check-in; empty if none is open. */
    CompletableFuture<Optional<RollCall>> openRollCall(ClassId classId);

    /**
     * The classes whose open roll call opened at or before {@code cutoff}, by class number: what
     * the server closes by itself (--auto-close-after), read without copying any roll call.
     */
    CompletableFuture<List<ClassId>> openedBefore(OffsetDateTime cutoff);

    /** Every open roll call, as it stands, by class number. */
    CompletableFuture<List<RollCall>> openRollCalls();

    /** The closed roll calls of a class, oldest first, with their counts. */
    CompletableFuture<List<PastRollCall>> history(ClassId classId);

    /** The closed roll calls of a class, oldest first, each with its number and its check-ins in arrival order. */
    CompletableFuture<List<NumberedRollCall>> numberedClosedRollCalls(ClassId classId);

    /** The closed roll calls of a class, oldest first, each with its check-ins in arrival order. */
    default CompletableFuture<List<RollCall>> closedRollCalls(ClassId classId) {
        return numberedClosedRollCalls(classId).thenApply(closed -> closed.stream().map(NumberedRollCall::rollCall).toList());
    }

    /** How many roll calls are open now, for a gauge: by default counted from {@link #openRollCalls}. */
    default CompletableFuture<Integer> openRollCallCount() {
        return openRollCalls().thenApply(List::size);
    }

    /** Whether the store keeps every promise above right now. */
    StoreHealth health();

    /**
     * The journal's lag: how many writes are durable, and acknowledged, but not yet in the
     * database reads are served from. Always 0 on a store with no journal in front of its database.
     */
    long journalLag();

    /** A short description for the start-up line, e.g. {@code SQLite /var/lib/chamada/chamada.db}. */
    String describe();

    /**
     * Finishes the writes already accepted, then releases the store; a request after that fails
     * with {@link StoreFailure.Kind#UNAVAILABLE}. Closing twice does nothing more.
     */
    @Override
    void close();
}
