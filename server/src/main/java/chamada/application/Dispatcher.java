package chamada.application;

import chamada.attendance.AttendanceService;
import chamada.attendance.MarkResult;
import chamada.backup.BackupService;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.error.Expected;
import chamada.error.Fields;
import chamada.i18n.HumanCount;
import chamada.i18n.HumanTime;
import chamada.materials.MaterialService;
import chamada.materials.Upload;
import chamada.messages.MessageService;
import chamada.messages.PostResult;
import chamada.messages.ShowResult;
import chamada.privacy.ForgetResult;
import chamada.privacy.PrivacyService;
import chamada.protocol.Op;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.protocol.Wire;
import chamada.rollcall.Assignment;
import chamada.rollcall.Caller;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.OpenResult;
import chamada.rollcall.Outcomes;
import chamada.rollcall.RollCallAlerts;
import chamada.rollcall.RollCallService;
import chamada.rollcall.StoreHealth;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;
import chamada.roster.RosterService;
import chamada.teachers.AccountChange;
import chamada.teachers.TeacherAdministration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Maps each {@link Request} to one call of a service and each outcome to its {@link Response}.
 * A refusal ({@link ChamadaException}) becomes a {@link Response.Failure} here, with its
 * {@link ErrorCode} and the text in the session's language; the fronts only encode it.
 *
 * <p>Stateless; called from every front's threads. Returns at once: the reply comes when the
 * service's future completes.
 */
final class Dispatcher {

    private static final List<String> COMMANDS = Arrays.stream(Op.values()).map(Op::usage).toList();

    private final RollCallService rollCalls;
    private final RosterService rosters;
    private final AttendanceService attendance;
    private final TeacherAdministration administration;
    private final PrivacyService privacy;
    private final MessageService messages;
    private final MaterialService materials;
    private final BackupService backups;
    private final Logins logins;

    Dispatcher(RollCallService rollCalls, RosterService rosters, AttendanceService attendance,
               TeacherAdministration administration, PrivacyService privacy, MessageService messages,
               MaterialService materials, BackupService backups, Logins logins) {
        this.backups = backups;
        this.administration = administration;
        this.materials = materials;
        this.messages = messages;
        this.privacy = privacy;
        this.rollCalls = rollCalls;
        this.rosters = rosters;
        this.attendance = attendance;
        this.logins = logins;
    }

    CompletableFuture<Response> handle(Session session, Request request) {
        CompletableFuture<Response> reply;
        try {
            reply = dispatch(session, request);
        } catch (ChamadaException e) {
            return CompletableFuture.completedFuture(failure(session, e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // a bug: the front answers INTERNAL, without throwing on its loop
        }
        return reply.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return cause instanceof ChamadaException refusal
                    ? CompletableFuture.completedFuture(failure(session, refusal))
                    : CompletableFuture.failedFuture(cause);
        });
    }

    static Response.Failure failure(Session session, ChamadaException e) {
        return new Response.Failure(e.code(), e.message(session.lang()));
    }

    /** Answers {@code request} as the caller {@code session} stands for now ({@link Logins#caller}). */
    private CompletableFuture<Response> dispatch(Session session, Request request) {
        if (answeredAlikeForAnybody(request)) {
            // A student's check-in waits for no account; a login replaces whoever was logged in.
            return dispatch(session, new Caller.Anonymous(), request);
        }
        CompletableFuture<Caller> caller = Outcomes.guarded(logins.caller(session));
        if (caller.isDone() && !caller.isCompletedExceptionally()) {
            return dispatch(session, caller.join(), request);
        }
        return caller.thenCompose(resolved -> dispatch(session, resolved, request));
    }

    /** Whether the reply to {@code request} does not depend on who asks. */
    private static boolean answeredAlikeForAnybody(Request request) {
        return request instanceof Request.CheckIn || request instanceof Request.Message
                || request instanceof Request.Hello || request instanceof Request.Login
                || request instanceof Request.Resume || request instanceof Request.Help || request instanceof Request.Quit;
    }

    private CompletableFuture<Response> dispatch(Session session, Caller caller, Request request) {
        return switch (request) {
            case Request.Hello hello -> {
                hello.lang().ifPresent(session::lang);
                yield done(new Response.Hello(Wire.PROTOCOL_VERSION, "chamada " + Wire.serverVersion(),
                        session.lang().tag(), logins.openMode()));
            }
            case Request.Login login -> {
                session.logout(); // first: a login refused for any reason ends the one before
                TeacherName name = TeacherName.ofLogin(login.name());
                yield Outcomes.guarded(logins.authenticate(name, login.secret(), session.address())).thenApply(teacher -> {
                    session.login(teacher);
                    return new Response.LoggedIn(teacher.value(), logins.token(teacher));
                });
            }
            case Request.Resume resume -> {
                session.logout();
                yield Outcomes.guarded(logins.resume(resume.token())).thenApply(verified -> {
                    session.login(verified.teacher(), verified.expires());
                    return new Response.Resumed(verified.teacher().value());
                });
            }
            case Request.Open open -> rollCalls.open(caller, open.classId(), open.codePolicy(),
                    open.sharedDevices(), open.acceptUnknown(), open.lateAfter()).thenApply(result -> switch (result) {
                case OpenResult.Opened opened -> new Response.Opened(opened.classId().value(), opened.openedAt(),
                        opened.rules().policy(), opened.rules().sharedDevices(), rollCalls.currentCode(opened.rules()),
                        opened.rules().lateAfter());
                case OpenResult.AlreadyOpen already -> failure(session, new ChamadaException(ErrorCode.ALREADY_OPEN,
                        already.classId(), HumanTime.format(already.openedAt())));
            });
            case Request.Close close -> rollCalls.close(caller, close.classId()).thenCompose(result -> switch (result) {
                case CloseResult.Closed closed -> names(caller, close.classId()).thenApply(names ->
                        new Response.RollCallReply(closed.rollCall(), closed.rollCall().rules().policy(), Optional.empty(),
                                RollCallAlerts.none(), names));
                case CloseResult.NotOpen notOpen -> done(failure(session, new ChamadaException(ErrorCode.NOT_OPEN,
                        notOpen.classId())));
                case CloseResult.NotOwner notOwner -> done(failure(session, new ChamadaException(ErrorCode.NOT_OWNER,
                        notOwner.classId(), notOwner.owner())));
            });
            case Request.Status status -> rollCalls.status(caller, status.classId()).thenCompose(
                    rollCall -> names(caller, status.classId()).thenApply(names -> new Response.RollCallReply(rollCall,
                            rollCall.rules().policy(), rollCalls.currentCode(rollCall.rules()),
                            rollCalls.alerts(status.classId()), names)));
            case Request.CheckIn checkIn -> rollCalls.checkIn(checkIn.matricula(), checkIn.classId(), checkIn.code(),
                    checkIn.device(), session.address()).thenApply(result -> checkedIn(session, result));
            case Request.History history -> rollCalls.history(caller, history.classId())
                    .thenApply(past -> new Response.History(history.classId().value(), past));
            case Request.Export export -> rollCalls.export(caller, export.classId()).thenCompose(
                    closed -> names(caller, export.classId()).thenApply(
                            names -> new Response.Export(export.classId().value(), closed, names)));
            case Request.RosterList list -> rosters.roster(caller, list.classId())
                    .thenApply(roster -> new Response.RosterList(list.classId().value(), roster.students()));
            case Request.RosterImport part -> rosterImport(session, caller, part);
            case Request.Mark mark -> attendance.mark(caller, mark.classId(), mark.rollCallId(), mark.matricula(),
                    mark.status(), mark.reason()).thenApply(result -> switch (result) {
                case MarkResult.Marked marked -> new Response.Marked(marked.classId().value(), marked.rollCallId(),
                        mark.matricula(), marked.from(), marked.to(), marked.at());
                case MarkResult.NoRollCall none -> failure(session, none.rollCallId()
                        .map(id -> new ChamadaException(ErrorCode.UNKNOWN_ROLL_CALL, none.classId(), id))
                        .orElseGet(() -> new ChamadaException(ErrorCode.NO_ROLL_CALL, none.classId())));
                case MarkResult.Locked locked -> failure(session, new ChamadaException(ErrorCode.LOCKED,
                        locked.rollCallId(), locked.classId(), HumanTime.format(locked.lockedSince())));
            });
            case Request.Report report -> attendance.report(caller, report.classId(), report.from(), report.to(),
                    report.lateCountsAs()).thenApply(Response.Report::new);
            case Request.Audit audit -> attendance.audit(caller, audit.classId())
                    .thenApply(entries -> new Response.Audit(audit.classId().value(), entries));
            case Request.ClassDefaults defaults -> (defaults.set()
                    ? rollCalls.setDefaultLateAfter(caller, defaults.classId(), defaults.lateAfter())
                    : rollCalls.defaultLateAfter(caller, defaults.classId()))
                    .thenApply(late -> new Response.ClassDefaults(defaults.classId().value(), late));
            case Request.Teachers teachers -> administration.accounts(caller).thenApply(accounts -> new Response.Teachers(
                    accounts.stream().map(account -> new Response.TeacherAccount(account.name().value(),
                            account.administrator(), account.disabled(), account.fromFile())).toList()));
            case Request.Account account -> administration.change(caller, account.action(), account.name(),
                    account.secret(), account.administrator()).thenApply(change -> switch (change) {
                case AccountChange.Changed changed -> new Response.AccountChanged(account.action().wire(),
                        changed.name().value());
                case AccountChange.UnknownTeacher unknown -> failure(session,
                        new ChamadaException(ErrorCode.UNKNOWN_TEACHER, unknown.name()));
                case AccountChange.AlreadyExists exists -> failure(session,
                        new ChamadaException(ErrorCode.TEACHER_EXISTS, exists.name()));
                case AccountChange.LastAdministrator last -> failure(session,
                        new ChamadaException(ErrorCode.LAST_ADMINISTRATOR, last.name()));
                case AccountChange.FromFile fromFile -> failure(session,
                        new ChamadaException(ErrorCode.TEACHER_IN_FILE, fromFile.name()));
            });
            case Request.Assign assign -> administration.assign(caller, assign.classId(), assign.teachers())
                    .thenApply(assignment -> switch (assignment) {
                        case Assignment.Assigned assigned -> assigned(assigned.classId(), assigned.teachers());
                        case Assignment.UnknownTeacher unknown -> failure(session,
                                new ChamadaException(ErrorCode.UNKNOWN_TEACHER, unknown.teacher()));
                    });
            case Request.Assignments assignments -> administration.assignments(caller).thenApply(classes ->
                    new Response.Assignments(classes.entrySet().stream()
                            .map(entry -> assigned(entry.getKey(), entry.getValue())).toList()));
            case Request.StudentData data -> privacy.studentRecords(caller, data.matricula())
                    .thenApply(Response.StudentData::new);
            case Request.ForgetStudent forget -> privacy.forget(caller, forget.matricula())
                    .thenApply(result -> switch (result) {
                        case ForgetResult.Forgotten forgotten -> new Response.Forgotten(forgotten.pseudonym().value());
                        case ForgetResult.NothingHeld nothing -> failure(session,
                                new ChamadaException(ErrorCode.NOTHING_HELD, forget.matricula()));
                        case ForgetResult.InOpenRollCall open -> failure(session,
                                new ChamadaException(ErrorCode.STUDENT_IN_OPEN_ROLL_CALL, open.classId()));
                    });
            case Request.Message message -> messages.post(message.classId(), message.sender(), message.text(),
                    session.address()).thenApply(result -> switch (result) {
                case PostResult.Posted posted -> new Response.MessageSent(message.classId().value(),
                        posted.message().id(), posted.message().at());
                case PostResult.NotInRoster notInRoster -> failure(session, new ChamadaException(ErrorCode.NOT_IN_ROSTER,
                        notInRoster.sender(), notInRoster.classId()));
            });
            case Request.Inbox inbox -> messages.inbox(caller, inbox.classId(), inbox.unreadOnly())
                    .thenCombine(messages.shown(caller, inbox.classId()),
                            (list, shown) -> new Response.Inbox(inbox.classId().value(), list, shown));
            case Request.Show show -> messages.show(caller, show.classId(), show.id()).thenApply(result -> switch (result) {
                case ShowResult.Shown shown -> new Response.QuestionShown(show.classId().value(), shown.question());
                case ShowResult.NotInInbox missing -> failure(session, new ChamadaException(ErrorCode.UNKNOWN_MESSAGE,
                        missing.classId(), missing.id()));
            });
            case Request.MarkRead read -> messages.markRead(caller, read.classId(), read.ids())
                    .thenApply(marked -> new Response.MarkedRead(read.classId().value(), marked));
            case Request.Anonymous anonymous -> (anonymous.set().isPresent()
                    ? messages.allowAnonymous(caller, anonymous.classId(), anonymous.set().get())
                    : messages.anonymousAllowed(caller, anonymous.classId()))
                    .thenApply(allowed -> new Response.Anonymous(anonymous.classId().value(), allowed));
            case Request.Watch watch -> rollCalls.watch(caller, watch.classId())
                    .thenApply(classId -> new Response.Watching(classId.value()));
            case Request.Materials list -> materials.materials(list.classId())
                    .thenApply(found -> new Response.Materials(list.classId().value(), found));
            case Request.RemoveMaterial remove -> materials.remove(caller, remove.classId(), remove.name())
                    .thenApply(removed -> new Response.MaterialRemoved(remove.classId().value(), removed.name().value()));
            // Their bytes go on the connection after the reply: only a front that carries them calls upload or download.
            case Request.Upload upload -> done(failure(session, new ChamadaException(ErrorCode.BYTES_NOT_CARRIED)));
            case Request.Download download -> done(failure(session, new ChamadaException(ErrorCode.BYTES_NOT_CARRIED)));
            case Request.Backup backup -> done(failure(session, new ChamadaException(ErrorCode.BYTES_NOT_CARRIED)));
            case Request.Health health -> done(switch (rollCalls.health()) {
                case StoreHealth.Healthy healthy -> new Response.Health(true, Optional.empty(), rollCalls.journalLag());
                case StoreHealth.Unhealthy unhealthy -> new Response.Health(false, Optional.of(
                        // The details name files and may name a student: for teachers and the log only.
                        caller instanceof Caller.Teacher ? unhealthy.message(session.lang())
                                : ApplicationText.UNHEALTHY.format(session.lang())), rollCalls.journalLag());
            });
            case Request.Help help -> done(new Response.Help(COMMANDS));
            case Request.Quit quit -> done(new Response.Goodbye(ApplicationText.GOODBYE.format(session.lang())));
        };
    }

    /** Accepts {@code request}'s upload for {@code session}'s caller, or says why not. */
    CompletableFuture<UploadStart> upload(Session session, Request.Upload request) {
        return Outcomes.guarded(logins.caller(session)).thenCompose(caller -> materials.begin(caller, request.classId(),
                request.name(), request.size(), request.sha256())).<UploadStart>thenApply(upload -> new UploadStart.Accepted(
                new Response.UploadReady(request.classId().value(), request.name().value(), request.size()), upload))
                .exceptionallyCompose(failure -> refused(session, failure, UploadStart.Refused::new));
    }

    /** The reply to an upload whose bytes are all written: published, or refused with nothing kept. */
    CompletableFuture<Response> finishUpload(Session session, Upload upload) {
        return materials.finish(upload).<Response>thenApply(Response.Uploaded::new)
                .exceptionallyCompose(failure -> refused(session, failure, refusal -> refusal));
    }

    /** Opens the bytes {@code request} asks for, from its offset, or says why not; anybody may download. */
    CompletableFuture<Transfer> download(Session session, Request.Download request) {
        return materials.find(request.classId(), request.choice()).thenCompose(material -> {
            if (request.offset() > material.size()) {
                throw Fields.invalid(Wire.OFFSET, Long.toString(request.offset()), Expected.OFFSET);
            }
            return materials.open(material).<Transfer>thenApply(bytes -> new Transfer.Ready(new Response.Download(
                    material, request.offset(), material.size() - request.offset()), bytes.channel(), bytes.file()));
        }).exceptionallyCompose(failure -> refused(session, failure, Transfer.Refused::new));
    }

    /**
     * A backup of the whole server for an administrator ({@link BackupService#take}): its reply and
     * its archive, opened to be deleted once the front closes it; or why not.
     */
    CompletableFuture<BackupCopy> backup(Session session) {
        return logins.caller(session).thenCompose(backups::take).<BackupCopy>thenApply(backup -> {
            try {
                FileChannel archive = FileChannel.open(backup.file(), StandardOpenOption.READ,
                        StandardOpenOption.DELETE_ON_CLOSE);
                return new BackupCopy.Ready(new Response.Backup(backup.at(), backup.size(), backup.sha256(),
                        backup.materials()), archive);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).exceptionallyCompose(failure -> refused(session, failure, BackupCopy.Refused::new));
    }

    /** A refusal as {@code wrap} carries it; anything but a refusal is a bug, left failed for the front to report. */
    private static <T> CompletableFuture<T> refused(Session session, Throwable failure,
                                                    java.util.function.Function<Response.Failure, T> wrap) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ChamadaException refusal
                ? CompletableFuture.completedFuture(wrap.apply(failure(session, refusal)))
                : CompletableFuture.failedFuture(cause);
    }

    /**
     * Keeps {@code part} with the session, and with the last part replaces the class's roster
     * by every student sent; only a teacher's parts are kept.
     */
    private CompletableFuture<Response> rosterImport(Session session, Caller caller, Request.RosterImport part) {
        if (!(caller instanceof Caller.Teacher)) {
            throw new ChamadaException(ErrorCode.AUTH_REQUIRED);
        }
        List<RosterEntry> students = session.rosterParts().add(part.classId(), part.part(), part.students());
        if (part.more()) {
            return done(new Response.RosterStaged(part.classId().value(), students.size()));
        }
        session.rosterParts().clear();
        return rosters.replace(caller, part.classId(), students).thenApply(Response.RosterImported::new);
    }

    private static Response.Assigned assigned(ClassId classId, List<TeacherName> teachers) {
        return new Response.Assigned(classId.value(), teachers.stream().map(TeacherName::value).toList());
    }

    /** The names of the class's roster, for a teacher's view of its roll calls. */
    private CompletableFuture<RosterNames> names(Caller caller, ClassId classId) {
        return rosters.names(caller, classId);
    }

    private static Response checkedIn(Session session, CheckInResult result) {
        return switch (result) {
            case CheckInResult.Registered registered ->
                    new Response.CheckedIn(registered.replyClass(), registered.at(), false, Optional.empty(), registered.late());
            case CheckInResult.AlreadyRegistered already ->
                    new Response.CheckedIn(already.replyClass(), already.at(), true, Optional.empty(), already.late());
            case CheckInResult.Replaced replaced -> new Response.CheckedIn(replaced.replyClass(), replaced.at(), false,
                    Optional.of(replaced.replaced()), replaced.late());
            case CheckInResult.NotOpen refused -> refused(session, refused, ErrorCode.NOT_OPEN, refused.classId());
            case CheckInResult.NotInRoster refused -> refused(session, refused, ErrorCode.NOT_IN_ROSTER,
                    refused.matricula(), refused.classId());
            case CheckInResult.CodeRequired refused -> refused(session, refused, ErrorCode.CODE_REQUIRED, refused.classId());
            case CheckInResult.WrongCode refused -> refused(session, refused, ErrorCode.WRONG_CODE, refused.classId());
            case CheckInResult.DeviceAlreadyUsed refused ->
                    refused(session, refused, ErrorCode.DEVICE_ALREADY_USED, refused.classId());
            case CheckInResult.NetworkNotAllowed refused -> refused(session, refused, ErrorCode.NETWORK_NOT_ALLOWED);
            case CheckInResult.TooManyAttempts refused -> refused.turn()
                    ? new Response.CheckInRefused(refused.at(), ErrorCode.TOO_MANY_ATTEMPTS, ApplicationText.WAIT_FOR_TURN
                    .format(session.lang(), refused.classId(), HumanCount.seconds(refused.retryAfter())))
                    : refused(session, refused, ErrorCode.TOO_MANY_ATTEMPTS, HumanCount.seconds(refused.retryAfter()));
        };
    }

    private static Response refused(Session session, CheckInResult.Refused refused, ErrorCode code, Object... args) {
        return new Response.CheckInRefused(refused.at(), code, code.format(session.lang(), args));
    }

    private static CompletableFuture<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
