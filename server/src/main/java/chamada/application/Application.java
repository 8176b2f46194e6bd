package chamada.application;

import chamada.attendance.AttendanceService;
import chamada.backup.BackupService;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.materials.MaterialFolder;
import chamada.materials.MaterialLimits;
import chamada.materials.MaterialService;
import chamada.materials.Upload;
import chamada.messages.MessageService;
import chamada.messages.PostingLimits;
import chamada.privacy.PrivacyService;
import chamada.protocol.Op;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.protocol.Wire;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.CheckInSettings;
import chamada.rollcall.ClassId;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvents;
import chamada.rollcall.RollCallService;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterService;
import chamada.store.ChamadaStore;
import chamada.teachers.TeacherAdministration;
import chamada.teachers.Teachers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Chamada's application: everything a front needs to answer a person, built once from the
 * configuration and handed to every front (the native port, the legacy ports, the web).
 * It holds the roll-call service over the store, the teachers and their logins, the open-mode
 * caller rule ({@link Session#caller}) and the clock; a front decodes a request, calls
 * {@link #handle}, and encodes the reply. No front decides a rule, and no front reaches into
 * another front's package.
 *
 * <p>Every operation returns at once with a future: a front on a virtual thread waits on it,
 * an event loop composes it. Nothing here blocks a caller. Thread-safe.
 */
public final class Application implements AutoCloseable, MeterBinder {

    /**
     * How often a live view (a native watch, a roll call's event stream) asks again whether its
     * reader may still hear the class: a roll call's view lasts as long as the roll call, hours
     * maybe, and a teacher disabled (a stolen laptop's), taken off the class or whose token
     * expired must stop hearing its codes and check-ins within this, not at its close.
     */
    public static final Duration LIVE_VIEW_CHECK = Duration.ofSeconds(30);
    /**
     * The refusals that end a live view: its reader may no longer hear the class. A store's
     * failure does not: the next check asks again.
     */
    private static final Set<ErrorCode> REVOKED = EnumSet.of(ErrorCode.AUTH_REQUIRED, ErrorCode.ACCOUNT_INACTIVE,
            ErrorCode.NOT_ASSIGNED, ErrorCode.TOKEN_INVALID);
    /** How long a gauge waits for the store at a scrape; Prometheus gives up on a scrape after 10 s by default. */
    private static final long GAUGE_READ_SECONDS = 5;

    private final Teachers teachers;
    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final ChamadaStore store;
    private final Logins logins;
    private final Dispatcher dispatcher;
    private final RollCallService rollCalls;
    private final MaterialService materials;
    private final Clock clock;
    private final Duration liveViewCheck;
    private final RequestMeters requestMeters = new RequestMeters();
    /**
     * Closes forgotten roll calls once a minute (--auto-close-after) and deletes expired ones daily
     * (--retain-days); a thread of its own, stopped with the application.
     */
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chamada-housekeeping").daemon(true).factory());

    /**
     * The application over {@code store}, which it closes with itself, signing session tokens
     * with the key it keeps; every time it gives is {@code clock}'s.
     */
    public Application(Teachers teachers, ChamadaStore store, Clock clock, CheckInSettings checkIns,
                       MaterialFolder materialFolder, MaterialLimits materialLimits) {
        this(teachers, store, clock, checkIns, materialFolder, materialLimits, LIVE_VIEW_CHECK);
    }

    /** As the other constructor, with live views asked again every {@code liveViewCheck}. */
    public Application(Teachers teachers, ChamadaStore store, Clock clock, CheckInSettings checkIns,
                       MaterialFolder materialFolder, MaterialLimits materialLimits, Duration liveViewCheck) {
        this.teachers = teachers;
        this.liveViewCheck = liveViewCheck;
        this.store = store;
        this.clock = clock;
        this.materials = new MaterialService(store, store, materialFolder, materialLimits, clock);
        this.logins = new Logins(teachers, new SessionTokens(store.sessionKey(), clock), clock);
        this.rollCalls = new RollCallService(store, store, store, clock, checkIns);
        this.dispatcher = new Dispatcher(rollCalls, new RosterService(store, store),
                new AttendanceService(store, store, store, store, clock, checkIns.editWindow()),
                new TeacherAdministration(store, store, logins::hash), new PrivacyService(store, clock),
                new MessageService(store, store, new PostingLimits(PostingLimits.PER_STUDENT, PostingLimits.PER_ADDRESS),
                        clock), materials, new BackupService(store, materialFolder, clock, Wire.serverVersion()), logins);
        if (!checkIns.autoCloseAfter().isZero()) {
            housekeeping.scheduleWithFixedDelay(this::closeForgottenRollCalls, 1, 1, TimeUnit.MINUTES);
        }
        if (!checkIns.retention().isZero()) {
            housekeeping.scheduleWithFixedDelay(this::deleteExpiredRollCalls, 0, 1, TimeUnit.DAYS);
        }
    }

    /** Closes every roll call open longer than --auto-close-after, as the server; returns their classes. */
    public List<ClassId> closeForgottenRollCalls() {
        try {
            return rollCalls.closeForgotten();
        } catch (RuntimeException e) {
            // The store unavailable for a moment, say: the next minute tries again.
            log.warn("Closing the roll calls open past --auto-close-after failed: {}", e.toString());
            return List.of();
        }
    }

    /** Deletes the roll calls closed longer ago than --retain-days; returns how many. */
    public int deleteExpiredRollCalls() {
        try {
            return rollCalls.deleteExpired();
        } catch (RuntimeException e) {
            // The store unavailable for a moment, say: tomorrow's run, or the next start, deletes them.
            log.warn("Deleting the roll calls past --retain-days failed: {}", e.toString());
            return 0;
        }
    }

    /** A new session for a client at {@code from}, with texts in {@code lang} until it chooses another. */
    public Session session(Lang lang, InetAddress from) {
        return new Session(lang, teachers.openMode(), Optional.empty(), from);
    }

    /** A session for a client on this machine, as the tests and in-process callers are. */
    public Session session(Lang lang) {
        return session(lang, InetAddress.getLoopbackAddress());
    }

    /**
     * A session the server answers for itself, acting as the reserved owner {@code owner}
     * (the legacy ports, whose clients do not log in).
     */
    public Session reservedSession(TeacherName owner, Lang lang, InetAddress from) {
        if (!owner.isReserved()) {
            throw new IllegalArgumentException(owner + " is a person's name, not a reserved owner");
        }
        return new Session(lang, teachers.openMode(), Optional.of(owner), from);
    }

    /**
     * Answers {@code request} for {@code session}. A refusal is a {@link Response.Failure}; the
     * future fails only on a bug, which the front reports as {@code INTERNAL}.
     */
    public CompletableFuture<Response> handle(Session session, Request request) {
        long started = System.nanoTime();
        // The front gets the stage after the meters': a reply it sends is already counted.
        return dispatcher.handle(session, request).whenComplete((answer, failure) -> {
            requestMeters.answered(request, answer, failure, started);
            // One line per request this answers, at debug only (--log-level debug): who, what, and
            // how it ended; never what it carried (a matrícula, a message, a secret), nor an
            // exception's message, which might.
            if (log.isDebugEnabled()) {
                log.debug("{} {}: {}", session.address().getHostAddress(), Op.of(request).wire(),
                        failure != null ? failure.getClass().getSimpleName()
                                : answer instanceof Response.Refusal refused ? refused.code() : "ok");
            }
        });
    }

    /**
     * Adds the application's meters, and its store's, to {@code registry}: the requests answered
     * ({@link RequestMeters}), the roll calls open now and the journal's lag. For {@code GET /metrics}.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        requestMeters.bindTo(registry);
        store.bindTo(registry);
        Gauge.builder("chamada.rollcalls.open", this, Application::countOpenRollCalls)
                .description("Roll calls open now, on every node of the store").register(registry);
        Gauge.builder("chamada.journal.lag", store, ChamadaStore::journalLag).baseUnit("writes")
                .description("Writes durable in the journal but not yet in the database reads come from (0 on PostgreSQL)")
                .register(registry);
    }

    /** A gauge's reading: NaN, Prometheus's "no value", when the store cannot say within a scrape's time. */
    private double countOpenRollCalls() {
        try {
            return store.openRollCallCount().get(GAUGE_READ_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /**
     * Begins the upload {@code request} asks for: its go-ahead and where its bytes go, or its
     * refusal. The front writes the bytes, then calls {@link #finishUpload}.
     */
    public CompletableFuture<UploadStart> upload(Session session, Request.Upload request) {
        return dispatcher.upload(session, request);
    }

    /** Publishes an upload whose bytes are all written; the reply says it is, or why not (nothing is then kept). */
    public CompletableFuture<Response> finishUpload(Session session, Upload upload) {
        return dispatcher.finishUpload(session, upload);
    }

    /** The reply to {@code request} and the bytes to send after it, or its refusal. */
    public CompletableFuture<Transfer> download(Session session, Request.Download request) {
        return dispatcher.download(session, request);
    }

    /**
     * A backup of the whole server, for an administrator: the reply and the archive to send after
     * it, or its refusal. The front closes the archive once sent, which deletes it.
     */
    public CompletableFuture<BackupCopy> backup(Session session) {
        return dispatcher.backup(session);
    }

    /** How often a front asks {@link #mayStillHear} for each live view it serves. */
    public Duration liveViewCheck() {
        return liveViewCheck;
    }

    /**
     * Whether {@code session}'s live view of {@code classId} may go on, as things stand now:
     * empty if it may (or if the store could not say, which the next check asks again), otherwise
     * the refusal to end it with (the teacher logged out, disabled, taken off the class, or their
     * token expired). Both fronts ask this every {@link #liveViewCheck()}; they decide nothing.
     */
    public CompletableFuture<Optional<Response.Failure>> mayStillHear(Session session, ClassId classId) {
        return handle(session, new Request.Watch(classId)).handle((reply, failure) ->
                reply instanceof Response.Failure refusal && REVOKED.contains(refusal.code())
                        ? Optional.of(refusal) : Optional.empty());
    }

    /** The reply that says {@code refusal} to {@code session}, for a front refusing before any request. */
    public Response.Failure refusal(Session session, ChamadaException refusal) {
        return Dispatcher.failure(session, refusal);
    }

    /**
     * Every open roll call, by class number, for a teacher's page; refused
     * ({@link chamada.error.ErrorCode#AUTH_REQUIRED}) to anybody else.
     */
    public CompletableFuture<List<RollCall>> openRollCalls(Session session) {
        return logins.caller(session).thenCompose(rollCalls::openRollCalls);
    }

    /** The time now, by the clock every reply's time comes from. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Where live views hear what happens to roll calls, once durable (the store's events). */
    public RollCallEvents events() {
        return store.events();
    }

    /**
     * The code a roll call with {@code rules} shows now: what a live view shows, from the rules
     * of the {@code status} reply it was allowed to read.
     */
    public Optional<CurrentCode> currentCode(CheckInRules rules) {
        return rollCalls.currentCode(rules);
    }

    public boolean openMode() {
        return teachers.openMode();
    }

    /** The store, as the start-up line names it. */
    public String storeDescription() {
        return store.describe();
    }

    /** Stops checking passwords, then finishes the store's writes and closes it. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        logins.close();
        materials.close();
        store.close();
    }
}
