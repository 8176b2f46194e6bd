package chamada.rollcall;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who may do what with roll calls, the same for every front: teachers open, read and close
 * them; anybody may check in, from the networks the server accepts, unless they have been
 * guessing codes ({@link GuessLimits}). What each request comes to is the store's decision
 * ({@link RollCallStore}); this service holds no roll call of its own.
 *
 * <p>Every method returns at once with a future: a front on a virtual thread waits on it, an
 * event loop composes it. A refusal of who is asking fails the future with a
 * {@link ChamadaException}; so does a store that cannot give an outcome, with the one error
 * code that says what is known of the change ({@link Outcomes#errorCode}). Thread-safe; its only state
 * is the count of wrong codes.
 */
public final class RollCallService {

    private static final Logger log = LoggerFactory.getLogger(RollCallService.class);

    private final RollCallStore store;
    private final ClassTeachers classes;
    private final ClassDefaults defaults;
    private final Clock clock;
    private final CheckInSettings settings;
    private final GuessLimits guesses = new GuessLimits();
    private final DeviceFlags flags = new DeviceFlags();

    public RollCallService(RollCallStore store, ClassTeachers classes, ClassDefaults defaults, Clock clock,
                           CheckInSettings settings) {
        this.store = store;
        this.classes = classes;
        this.defaults = defaults;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Closes, as the {@link TeacherName#SERVER}, every roll call open longer than the settings'
     * {@code autoCloseAfter}, and returns their classes. Called every minute by the application;
     * on several nodes each may try, and the store lets one close each.
     */
    public List<ClassId> closeForgotten() {
        if (settings.autoCloseAfter().isZero()) {
            return List.of();
        }
        OffsetDateTime now = now();
        List<ClassId> closed = new ArrayList<>();
        for (ClassId classId : store.openedBefore(now.minus(settings.autoCloseAfter())).join()) {
            if (store.close(classId, TeacherName.SERVER, now).join() instanceof CloseResult.Closed) {
                log.info("Roll call of class {} closed by the server: open over --auto-close-after, {} min", classId,
                        settings.autoCloseAfter().toMinutes());
                closed.add(classId);
            }
        }
        return closed;
    }

    /**
     * Deletes, with everything recorded in them, the roll calls closed longer ago than the
     * settings' {@code retention}; answers how many (none when it is zero). Called at start and
     * daily by the application; on several nodes each may, and the second finds nothing left.
     */
    public int deleteExpired() {
        if (settings.retention().isZero()) {
            return 0;
        }
        OffsetDateTime cutoff = now().minus(settings.retention());
        int deleted = store.deleteClosedBefore(cutoff).join();
        log.info("{} roll call(s) closed before {} deleted, with their records (--retain-days {})", deleted,
                cutoff.toLocalDate(), settings.retention().toDays());
        return deleted;
    }

    /**
     * Opens the roll call of {@code classId} with {@code policy} (the server's default when
     * empty), allowing several check-ins per device if {@code sharedDevices}, and matrículas
     * not on the class's roster if {@code acceptUnknown}, check-ins {@code lateAfter} after the
     * opening late (empty: the class's default, if it has one, else nobody is); a teacher may, in
     * a class {@link ClassAccess} lets them.
     */
    public CompletableFuture<OpenResult> open(Caller caller, ClassId classId, Optional<CodePolicy> policy,
                                              boolean sharedDevices, boolean acceptUnknown,
                                              Optional<Duration> lateAfter) {
        CheckInRules chosen = CheckInRules.of(policy.orElse(settings.defaultPolicy()), settings.codePeriod(),
                settings.codeGrace(), sharedDevices).withAcceptUnknown(acceptUnknown);
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> (lateAfter.isPresent()
                ? CompletableFuture.completedFuture(lateAfter) : defaults.lateAfterOf(classId)).thenCompose(late -> {
                    CheckInRules rules = chosen.withLateAfter(late);
                    return store.open(classId, teacher.name(), rules, now()).thenApply(result -> {
                        if (result instanceof OpenResult.Opened opened) {
                            log.info("Roll call of class {} opened by {} (id {}, code {})", classId, teacher.name(),
                                    opened.id(), rules.policy().wire());
                        }
                        return result;
                    });
                }));
    }

    /** The class's default lateness; a teacher of the class may read it. */
    public CompletableFuture<Optional<Duration>> defaultLateAfter(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> defaults.lateAfterOf(classId));
    }

    /** Sets the class's default lateness (empty: none); a teacher of the class may. */
    public CompletableFuture<Optional<Duration>> setDefaultLateAfter(Caller caller, ClassId classId,
                                                                    Optional<Duration> lateAfter) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> defaults.setLateAfter(classId, lateAfter)
                .thenApply(set -> {
                    log.info("Default lateness of class {} set by {}: {}", classId, teacher.name(),
                            set.map(late -> late.toMinutes() + " min").orElse("none"));
                    return set;
                }));
    }

    /**
     * Registers {@code matricula} in the open roll call of {@code classId}, with the code typed
     * and the device used where the front knows them; anybody may check in, from the networks
     * the server accepts ({@code from} is the client's address). While {@link GuessLimits} holds
     * back the device, address or roll call, a code is not even looked at.
     */
    public CompletableFuture<CheckInResult> checkIn(Matricula matricula, ClassId classId, Optional<String> code,
                                                    Optional<DeviceId> device, InetAddress from) {
        OffsetDateTime at = now();
        if (!settings.allowedNetworks().isEmpty()
                && settings.allowedNetworks().stream().noneMatch(network -> network.contains(from))) {
            return CompletableFuture.completedFuture(new CheckInResult.NetworkNotAllowed(classId, at));
        }
        CheckInAttempt attempt = new CheckInAttempt(classId, matricula, code, device, at);
        if (code.isEmpty()) {
            return Outcomes.guarded(store.checkIn(attempt).whenComplete((result, failure) -> flagSeveral(classId, device, result)));
        }
        return switch (guesses.begin(classId, from, device, at.toInstant())) {
            case GuessLimits.HeldBack held ->
                    CompletableFuture.completedFuture(new CheckInResult.TooManyAttempts(classId, at, held.retryAfter(), held.turn()));
            case GuessLimits.Admitted admitted -> Outcomes.guarded(store.checkIn(attempt).whenComplete((result, failure) -> {
                guesses.end(admitted, result instanceof CheckInResult.WrongCode wrong && wrong.guess(), at.toInstant());
                flagSeveral(classId, device, result);
            }));
        };
    }

    /** The code a roll call with {@code rules} shows now, for its teacher; empty if it asks for none. */
    public Optional<CurrentCode> currentCode(CheckInRules rules) {
        return CheckInCode.current(rules, clock.instant(), clock.getZone());
    }

    /** What the teacher of the roll call of {@code classId} should know: wrong codes lately, phones trying several matrículas. */
    public RollCallAlerts alerts(ClassId classId) {
        return new RollCallAlerts(guesses.wrongCodes(classId, clock.instant()), flags.count(classId));
    }

    private void flagSeveral(ClassId classId, Optional<DeviceId> device, CheckInResult result) {
        if (device.isPresent() && (result instanceof CheckInResult.Replaced
                || result instanceof CheckInResult.DeviceAlreadyUsed)) {
            flags.flag(classId, device.get());
        }
    }

    /** The open roll call of {@code classId} as it stands; a teacher of the class may read it. */
    public CompletableFuture<RollCall> status(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.openRollCall(classId).thenApply(
                open -> open.orElseThrow(() -> new ChamadaException(ErrorCode.NOT_OPEN, classId))));
    }

    /**
     * Whether {@code caller} may hear {@code classId}'s events as they happen (its check-ins,
     * marks and messages): a teacher of the class may. Completes with the class, or is refused.
     */
    public CompletableFuture<ClassId> watch(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes,
                (teacher, access) -> CompletableFuture.completedFuture(classId));
    }

    /**
     * Closes the roll call of {@code classId}: its opener may ({@link TeacherName#mayClose}), and
     * in a class with assigned teachers any of them, and an administrator in any class.
     */
    public CompletableFuture<CloseResult> close(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.close(classId, teacher.name(),
                now(), access.closesAny()).thenApply(result -> {
            if (result instanceof CloseResult.Closed closed) {
                flags.forget(classId);
                log.info("Roll call of class {} closed by {} with {} present", classId, teacher.name(),
                        closed.rollCall().present().size());
            }
            return result;
        }));
    }

    /** Every open roll call, by class number; any teacher may read them. */
    public CompletableFuture<List<RollCall>> openRollCalls(Caller caller) {
        return Outcomes.asTeacher(caller, teacher -> store.openRollCalls());
    }

    /** The closed roll calls of {@code classId}, oldest first, with their counts; a teacher of the class may read them. */
    public CompletableFuture<List<PastRollCall>> history(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.history(classId));
    }

    /** The closed roll calls of {@code classId}, oldest first, numbered, with every check-in; a teacher of the class may read them. */
    public CompletableFuture<List<NumberedRollCall>> export(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.numberedClosedRollCalls(classId));
    }

    /** Whether the store keeps all its promises; anybody may ask. */
    public StoreHealth health() {
        return store.health();
    }

    /** The store's journal lag ({@link RollCallStore#journalLag}). */
    public long journalLag() {
        return store.journalLag();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
