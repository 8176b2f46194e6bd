package chamada.application;

import chamada.attendance.LateCountsAs;
import chamada.attendance.Reason;
import chamada.error.ErrorCode;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.materials.MaterialLimits;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInSettings;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.server.StoreConfig;
import chamada.store.ChamadaStore;
import chamada.teachers.AccountAction;
import chamada.teachers.Role;
import chamada.teachers.Teachers;
import chamada.testing.MutableClock;
import chamada.testing.TestMaterials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of the roll call, once, through the application object every front uses, with
 * the refusal's text in both languages. The store decides what a request comes to
 * (its contract suite pins that); these tests pin who may ask, and what each outcome is
 * called.
 */
class ApplicationRulesTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final String SECRET = "s3cret";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;


    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("America/Sao_Paulo"));
    private Application application;

    @BeforeEach
    void start() {
        application = start(teachers(false), "chamada.db");
    }

    @AfterEach
    void stop() {
        application.close();
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void teacherRequests_withoutLogin_areAuthRequired(Lang lang) {
        Session anonymous = application.session(lang);
        for (Request request : new Request[] {new Request.Open(CLASS), new Request.Close(CLASS),
                new Request.Status(CLASS), new Request.History(CLASS), new Request.Export(CLASS)}) {
            assertThat(answer(anonymous, request)).as("%s", request)
                    .isEqualTo(new Response.Failure(ErrorCode.AUTH_REQUIRED, ErrorCode.AUTH_REQUIRED.format(lang)));
        }
    }

    @Test
    void hello_withoutLogin_isAnswered_andPicksTheLanguageOfTheRefusalsAfter() {
        Session anonymous = application.session(Lang.EN);

        Response hello = answer(anonymous, new Request.Hello(Optional.of(Lang.PT_BR)));

        assertThat(hello).isInstanceOf(Response.Hello.class);
        assertThat(answer(anonymous, new Request.Status(CLASS)))
                .isEqualTo(new Response.Failure(ErrorCode.AUTH_REQUIRED, ErrorCode.AUTH_REQUIRED.format(Lang.PT_BR)));
    }

    @Test
    void checkIn_withoutLogin_isRegistered() {
        answer(teacher("ana", Lang.EN), new Request.Open(CLASS));

        Response reply = answer(application.session(Lang.EN), new Request.CheckIn(new Matricula("42191010"), CLASS));

        assertThat(as(reply, Response.CheckedIn.class).alreadyRegistered()).isFalse();
    }

    @Test
    void aRollCallOpenPastTheAutoCloseTime_isClosedByTheServer_andTheHistorySaysSo() {
        Session ana = teacher("ana", Lang.EN);
        answer(ana, new Request.Open(CLASS));
        answer(application.session(Lang.EN), new Request.CheckIn(new Matricula("42191010"), CLASS));
        clock.advance(CheckInSettings.DEFAULT_AUTO_CLOSE_AFTER.minusMinutes(1));

        assertThat(application.closeForgottenRollCalls()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(application.closeForgottenRollCalls()).containsExactly(CLASS);

        assertThat(codeOf(answer(ana, new Request.Status(CLASS)))).isEqualTo(ErrorCode.NOT_OPEN);
        assertThat(as(answer(ana, new Request.History(CLASS)), Response.History.class).rollCalls()).singleElement()
                .satisfies(past -> {
                    assertThat(past.closedBy()).hasValue(TeacherName.SERVER);
                    assertThat(past.count()).isEqualTo(1);
                });
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void open_classAlreadyOpen_isAlreadyOpenSayingSinceWhen(Lang lang) {
        Response.Opened first = as(answer(teacher("ana", lang), new Request.Open(CLASS)), Response.Opened.class);
        clock.advance(Duration.ofSeconds(60));

        Response again = answer(teacher("bruno", lang), new Request.Open(CLASS));

        assertThat(again).isEqualTo(new Response.Failure(ErrorCode.ALREADY_OPEN,
                ErrorCode.ALREADY_OPEN.format(lang, CLASS, HumanTime.format(first.openedAt()))));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void closeAndStatus_classNotOpen_areNotOpen(Lang lang) {
        Session ana = teacher("ana", lang);
        Response.Failure notOpen = new Response.Failure(ErrorCode.NOT_OPEN, ErrorCode.NOT_OPEN.format(lang, CLASS));

        assertThat(answer(ana, new Request.Close(CLASS))).isEqualTo(notOpen);
        assertThat(answer(ana, new Request.Status(CLASS))).isEqualTo(notOpen);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void checkIn_classNotOpen_isRefusedWithClassZeroAtTheTimeAsked(Lang lang) {
        Response reply = answer(application.session(lang), new Request.CheckIn(new Matricula("7"), CLASS));

        Response.CheckInRefused refused = as(reply, Response.CheckInRefused.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.NOT_OPEN);
        assertThat(refused.message()).isEqualTo(ErrorCode.NOT_OPEN.format(lang, CLASS));
        assertThat(refused.at().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void checkIn_sameMatriculaTwice_isASuccessSayingAlreadyRegisteredAtTheFirstTime() {
        answer(teacher("ana", Lang.EN), new Request.Open(CLASS));
        Session student = application.session(Lang.EN);
        Response.CheckedIn first = as(answer(student, new Request.CheckIn(new Matricula("7"), CLASS)), Response.CheckedIn.class);
        clock.advance(Duration.ofSeconds(30));

        Response.CheckedIn again = as(answer(student, new Request.CheckIn(new Matricula("7"), CLASS)), Response.CheckedIn.class);

        assertThat(again.alreadyRegistered()).isTrue();
        assertThat(again.at()).isEqualTo(first.at());
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void close_anotherTeachersRollCall_isNotOwnerNamingTheOwner(Lang lang) {
        answer(teacher("ana", lang), new Request.Open(CLASS));

        Response reply = answer(teacher("bruno", lang), new Request.Close(CLASS));

        assertThat(reply).isEqualTo(new Response.Failure(ErrorCode.NOT_OWNER, ErrorCode.NOT_OWNER.format(lang, CLASS, "ana")));
    }

    @Test
    void close_rollCallOpenedOnALegacyPort_anyTeacherMayCloseIt() {
        Session legacy = application.reservedSession(new TeacherName("(legacy)"), Lang.PT_BR, LOOPBACK);
        answer(legacy, new Request.Open(CLASS));

        Response reply = answer(teacher("bruno", Lang.EN), new Request.Close(CLASS));

        assertThat(as(reply, Response.RollCallReply.class).rollCall().closedAt()).isPresent();
    }

    @Test
    void close_fromALegacyPortOfALoggedInTeachersRollCall_isNotOwner() {
        answer(teacher("ana", Lang.EN), new Request.Open(CLASS));
        Session legacy = application.reservedSession(new TeacherName("(legacy)"), Lang.PT_BR, LOOPBACK);

        assertThat(codeOf(answer(legacy, new Request.Close(CLASS)))).isEqualTo(ErrorCode.NOT_OWNER);
    }

    @Test
    void reservedSession_personsName_isRefused() {
        assertThatThrownBy(() -> application.reservedSession(new TeacherName("ana"), Lang.EN, LOOPBACK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void login_wrongSecret_isAuthFailedAndEndsTheLoginBefore(Lang lang) {
        Session session = teacher("ana", lang);

        Response reply = answer(session, new Request.Login("ana", "wrong"));

        assertThat(reply).isEqualTo(new Response.Failure(ErrorCode.AUTH_FAILED, ErrorCode.AUTH_FAILED.format(lang)));
        assertThat(codeOf(answer(session, new Request.Open(CLASS)))).isEqualTo(ErrorCode.AUTH_REQUIRED);
    }

    @Test
    void resume_tokenFromALogin_logsAnotherSessionInAsThatTeacher() {
        String token = as(answer(application.session(Lang.EN), new Request.Login("ana", SECRET)),
                Response.LoggedIn.class).token().orElseThrow();
        Session elsewhere = application.session(Lang.EN);

        assertThat(answer(elsewhere, new Request.Resume(token))).isEqualTo(new Response.Resumed("ana"));
        assertThat(answer(elsewhere, new Request.Open(CLASS))).isInstanceOf(Response.Opened.class);
    }

    @Test
    void resume_afterARestartOnTheSameStore_isHonoured() {
        String token = as(answer(application.session(Lang.EN), new Request.Login("ana", SECRET)),
                Response.LoggedIn.class).token().orElseThrow();
        application.close();
        application = start(teachers(false), "chamada.db");

        assertThat(answer(application.session(Lang.EN), new Request.Resume(token))).isEqualTo(new Response.Resumed("ana"));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void resume_tamperedToken_isTokenInvalidAndEndsTheLoginBefore(Lang lang) {
        Session session = teacher("bruno", lang);
        String token = as(answer(application.session(lang), new Request.Login("ana", SECRET)),
                Response.LoggedIn.class).token().orElseThrow();
        String tampered = token.replaceFirst("^[^.]+", "Ym9i"); // "bob", under ana's signature

        assertThat(answer(session, new Request.Resume(tampered)))
                .isEqualTo(new Response.Failure(ErrorCode.TOKEN_INVALID, ErrorCode.TOKEN_INVALID.format(lang)));
        assertThat(codeOf(answer(session, new Request.Open(CLASS)))).isEqualTo(ErrorCode.AUTH_REQUIRED);
    }

    @Test
    void resume_tokenOfATeacherNoLongerAllowed_isTokenInvalid() {
        String token = as(answer(application.session(Lang.EN), new Request.Login("gone", SECRET)),
                Response.LoggedIn.class).token().orElseThrow();

        assertThat(codeOf(answer(application.session(Lang.EN), new Request.Resume(token))))
                .isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void request_ofATeacherWhoseAccountIsGoneSinceTheLogin_isAccountInactive_thenAuthRequired() {
        Session session = teacher("gone", Lang.EN);

        assertThat(codeOf(answer(session, new Request.Open(CLASS)))).isEqualTo(ErrorCode.ACCOUNT_INACTIVE);
        assertThat(codeOf(answer(session, new Request.Open(CLASS)))).isEqualTo(ErrorCode.AUTH_REQUIRED);
    }

    @Test
    void classWithAssignedTeachers_isTheirsAndTheAdministrators_anotherIsEveryTeachers() {
        Session diretora = teacher("diretora", Lang.EN);
        Session ana = teacher("ana", Lang.EN);
        Session bia = teacher("bia", Lang.EN);
        ClassId other = new ClassId(2020);
        for (String name : List.of("ana", "bia")) {
            as(answer(diretora, new Request.Account(AccountAction.ADD, new TeacherName(name), Optional.of(SECRET), false)),
                    Response.AccountChanged.class);
        }
        as(answer(diretora, new Request.Assign(CLASS, List.of(new TeacherName("bia")))), Response.Assigned.class);

        assertThat(codeOf(answer(ana, new Request.Open(CLASS)))).isEqualTo(ErrorCode.NOT_ASSIGNED);
        as(answer(bia, new Request.Open(CLASS)), Response.Opened.class);
        assertThat(codeOf(answer(ana, new Request.Status(CLASS)))).isEqualTo(ErrorCode.NOT_ASSIGNED);
        assertThat(codeOf(answer(ana, new Request.Close(CLASS)))).isEqualTo(ErrorCode.NOT_ASSIGNED);
        as(answer(diretora, new Request.Close(CLASS)), Response.RollCallReply.class);

        as(answer(ana, new Request.Open(other)), Response.Opened.class);
        assertThat(codeOf(answer(bia, new Request.Close(other)))).isEqualTo(ErrorCode.NOT_OWNER);
        as(answer(diretora, new Request.Close(other)), Response.RollCallReply.class);
    }

    @Test
    void classWithAssignedTeachers_refusesEveryTeacherRequestOfAnotherTeacher_andAnyOfItsTeachersCloses() {
        Session diretora = teacher("diretora", Lang.EN);
        for (String name : List.of("ana", "bia", "carla")) {
            as(answer(diretora, new Request.Account(AccountAction.ADD, new TeacherName(name), Optional.of(SECRET), false)),
                    Response.AccountChanged.class);
        }
        as(answer(diretora, new Request.Assign(CLASS, List.of(new TeacherName("bia"), new TeacherName("carla")))),
                Response.Assigned.class);
        Session ana = teacher("ana", Lang.EN);
        Session bia = teacher("bia", Lang.EN);
        Session carla = teacher("carla", Lang.EN);

        for (Request request : new Request[] {new Request.History(CLASS), new Request.Export(CLASS),
                new Request.Report(CLASS, Optional.empty(), Optional.empty(), LateCountsAs.PRESENT),
                new Request.Audit(CLASS), new Request.RosterList(CLASS), new Request.RosterImport(CLASS, List.of()),
                new Request.Mark(CLASS, new Matricula("7"), AttendanceStatus.PRESENT, new Reason("x"), Optional.empty())}) {
            assertThat(codeOf(answer(ana, request))).as("%s", request).isEqualTo(ErrorCode.NOT_ASSIGNED);
        }
        as(answer(bia, new Request.Open(CLASS)), Response.Opened.class);
        as(answer(carla, new Request.Close(CLASS)), Response.RollCallReply.class);
    }

    @Test
    void open_withoutLateAfter_takesTheClassDefault_andOneOfItsOwnWins() {
        Session ana = teacher("ana", Lang.EN);

        Response set = answer(ana, new Request.ClassDefaults(CLASS, true, Optional.of(Duration.ofMinutes(10))));
        Response opened = answer(ana, new Request.Open(CLASS));
        answer(ana, new Request.Close(CLASS));
        Response own = answer(ana, new Request.Open(CLASS, Optional.empty(), false, false,
                Optional.of(Duration.ofMinutes(5))));

        assertThat(set).isEqualTo(new Response.ClassDefaults(CLASS.value(), Optional.of(Duration.ofMinutes(10))));
        assertThat(as(opened, Response.Opened.class).lateAfter()).contains(Duration.ofMinutes(10));
        assertThat(as(own, Response.Opened.class).lateAfter()).contains(Duration.ofMinutes(5));
        assertThat(codeOf(answer(application.session(Lang.EN), new Request.ClassDefaults(CLASS, false,
                Optional.empty())))).isEqualTo(ErrorCode.AUTH_REQUIRED);
    }

    @Test
    void deleteExpiredRollCalls_deletesThoseClosedLongerAgoThanTheRetention_andNothingWhenOff() {
        application.close();
        ChamadaStore store = new StoreConfig.Embedded(dir.resolve("retained.db")).open(clock.getZone());
        CheckInSettings defaults = CheckInSettings.defaults();
        application = new Application(teachers(false), store, clock, new CheckInSettings(defaults.defaultPolicy(),
                defaults.codePeriod(), defaults.codeGrace(), List.of(), defaults.autoCloseAfter(),
                defaults.editWindow(), Duration.ofDays(30)), TestMaterials.folderIn(dir), MaterialLimits.defaults());
        Session ana = teacher("ana", Lang.EN);
        as(answer(ana, new Request.Open(CLASS)), Response.Opened.class);
        as(answer(ana, new Request.Close(CLASS)), Response.RollCallReply.class);
        clock.advance(Duration.ofDays(29));

        int tooSoon = application.deleteExpiredRollCalls();
        clock.advance(Duration.ofDays(2));
        int expired = application.deleteExpiredRollCalls();

        assertThat(tooSoon).isZero();
        assertThat(expired).isEqualTo(1);
        assertThat(as(answer(ana, new Request.History(CLASS)), Response.History.class).rollCalls()).isEmpty();
    }

    @Test
    void openMode_administersOnlyFromTheServersOwnMachine() throws Exception {
        application.close();
        application = start(teachers(true), "open.db");
        Session remote = application.session(Lang.EN, InetAddress.getByName("203.0.113.9"));
        Request add = new Request.Account(AccountAction.ADD, new TeacherName("ana"), Optional.of(SECRET), true);

        assertThat(codeOf(answer(remote, add))).isEqualTo(ErrorCode.NOT_ADMINISTRATOR);
        assertThat(codeOf(answer(remote, new Request.StudentData(new Matricula("7"))))).isEqualTo(ErrorCode.NOT_ADMINISTRATOR);
        as(answer(remote, new Request.Open(CLASS)), Response.Opened.class);
        as(answer(application.session(Lang.EN), add), Response.AccountChanged.class);
    }

    @Test
    void administratorsRequests_byATeacher_areNotAdministrator_andByAnybody_authRequired() {
        Session ana = teacher("ana", Lang.EN);

        for (Request request : new Request[] {new Request.Teachers(), new Request.Assignments(),
                new Request.Assign(CLASS, List.of()),
                new Request.Account(AccountAction.REMOVE, new TeacherName("bia"), Optional.empty(), false)}) {
            assertThat(codeOf(answer(ana, request))).as("%s", request).isEqualTo(ErrorCode.NOT_ADMINISTRATOR);
            assertThat(codeOf(answer(application.session(Lang.EN), request))).as("%s", request)
                    .isEqualTo(ErrorCode.AUTH_REQUIRED);
        }
    }

    @Test
    void resume_tokenOfAnotherStore_isTokenInvalid() {
        String token = as(answer(application.session(Lang.EN), new Request.Login("ana", SECRET)),
                Response.LoggedIn.class).token().orElseThrow();
        application.close();
        application = start(teachers(false), "another.db");

        assertThat(codeOf(answer(application.session(Lang.EN), new Request.Resume(token))))
                .isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void login_nameNoPersonMayHave_isRefusedAndEndsTheLoginBefore() {
        Session session = teacher("ana", Lang.EN);

        assertThat(codeOf(answer(session, new Request.Login("(open)", SECRET)))).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(codeOf(answer(session, new Request.Open(CLASS)))).isEqualTo(ErrorCode.AUTH_REQUIRED);
    }

    @Test
    void login_inOpenMode_givesNoToken() {
        application.close();
        application = start(teachers(true), "open.db");

        Response reply = answer(application.session(Lang.EN), new Request.Login("ana", "anything"));

        assertThat(reply).isEqualTo(new Response.LoggedIn("ana", Optional.empty()));
    }

    @Test
    void openMode_withoutLogin_opensAsTheOpenModeTeacher() {
        application.close();
        application = start(teachers(true), "open.db");

        answer(application.session(Lang.EN), new Request.Open(CLASS));

        Response status = answer(application.session(Lang.EN), new Request.Status(CLASS));
        assertThat(as(status, Response.RollCallReply.class).rollCall().teacher()).isEqualTo(TeacherName.OPEN_MODE);
    }

    @Test
    void health_storeKeepingItsPromises_isHealthy() {
        assertThat(answer(application.session(Lang.EN), new Request.Health()))
                .isEqualTo(new Response.Health(true, Optional.empty(), 0));
    }

    private Application start(Teachers teachers, String database) {
        ChamadaStore store = new StoreConfig.Embedded(dir.resolve(database)).open(clock.getZone());
        return new Application(teachers, store, clock, CheckInSettings.defaults(), TestMaterials.folderIn(dir),
                MaterialLimits.defaults());
    }

    private Session teacher(String name, Lang lang) {
        Session session = application.session(lang);
        as(answer(session, new Request.Login(name, SECRET)), Response.LoggedIn.class);
        return session;
    }

    private Response answer(Session session, Request request) {
        try {
            return application.handle(session, request).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no reply to " + request, e);
        }
    }

    /** Teachers who know {@link #SECRET}, without the slow password hashing of a real file. */
    private static Teachers teachers(boolean openMode) {
        return new Teachers() {
            @Override
            public boolean openMode() {
                return openMode;
            }

            @Override
            public Optional<TeacherName> authenticate(String name, String secret) {
                return openMode || secret.equals(SECRET) ? Optional.of(TeacherName.ofLogin(name)) : Optional.empty();
            }

            /** "gone" lost their account since logging in; "diretora" is an administrator. */
            @Override
            public CompletableFuture<Optional<Role>> role(TeacherName name) {
                return CompletableFuture.completedFuture(openMode || name.value().equals("diretora")
                        ? Optional.of(Role.ADMINISTRATOR)
                        : name.value().equals("gone") ? Optional.empty() : Optional.of(Role.TEACHER));
            }
        };
    }

    private static ErrorCode codeOf(Response reply) {
        return as(reply, Response.Failure.class).code();
    }
}
