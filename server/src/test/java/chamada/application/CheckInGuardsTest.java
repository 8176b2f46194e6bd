package chamada.application;

import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.materials.MaterialLimits;
import chamada.testing.TestMaterials;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.CheckInSettings;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.DeviceId;
import chamada.rollcall.GuessLimits;
import chamada.rollcall.Matricula;
import chamada.rollcall.Network;
import chamada.rollcall.RollCallAlerts;
import chamada.server.StoreConfig;
import chamada.store.ChamadaStore;
import chamada.teachers.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-in rules the application decides before the store: the school's networks, and the
 * limits on guessing codes. Both reply as refused check-ins (class 0), on every front.
 */
class CheckInGuardsTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final Matricula STUDENT = new Matricula("042191010");

    @TempDir
    Path dir;

    private Application application;

    @AfterEach
    void stop() {
        application.close();
    }

    @Test
    void checkIn_fromOutsideTheAllowedNetworks_isNetworkNotAllowed_andFromInside_isRegistered()
            throws UnknownHostException {
        start(new CheckInSettings(CodePolicy.NONE, CheckInRules.DEFAULT_PERIOD, CheckInRules.DEFAULT_GRACE,
                List.of(Network.parse("10.20.0.0/16")), CheckInSettings.DEFAULT_AUTO_CLOSE_AFTER));
        answer(application.session(Lang.PT_BR), new Request.Open(CLASS));

        Response outside = answer(application.session(Lang.PT_BR, InetAddress.getByName("192.168.0.9")),
                new Request.CheckIn(STUDENT, CLASS));
        Response inside = answer(application.session(Lang.PT_BR, InetAddress.getByName("10.20.3.4")),
                new Request.CheckIn(STUDENT, CLASS));

        assertThat(outside).isInstanceOfSatisfying(Response.CheckInRefused.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.NETWORK_NOT_ALLOWED);
            assertThat(refused.message()).isEqualTo(ErrorCode.NETWORK_NOT_ALLOWED.format(Lang.PT_BR));
        });
        assertThat(inside).isInstanceOf(Response.CheckedIn.class);
    }

    @Test
    void checkIn_afterManyWrongCodes_isTooManyAttemptsEvenWithTheRightCode() throws UnknownHostException {
        start(CheckInSettings.defaults());
        Response opened = answer(application.session(Lang.EN),
                new Request.Open(CLASS, Optional.of(CodePolicy.FIXED), false, false));
        String code = ((Response.Opened) opened).code().orElseThrow().code();
        String wrong = code.equals("000000") ? "000001" : "000000";
        InetAddress guesser = InetAddress.getByName("10.0.0.66");

        Response last = null;
        for (int i = 0; i < 60; i++) {
            last = answer(application.session(Lang.EN, guesser),
                    new Request.CheckIn(STUDENT, CLASS, Optional.of(wrong), Optional.empty()));
        }
        Response right = answer(application.session(Lang.EN, guesser),
                new Request.CheckIn(STUDENT, CLASS, Optional.of(code), Optional.empty()));
        Response elsewhere = answer(application.session(Lang.EN, InetAddress.getByName("10.0.0.67")),
                new Request.CheckIn(new Matricula("7"), CLASS, Optional.of(code), Optional.empty()));

        assertThat(last).isInstanceOfSatisfying(Response.CheckInRefused.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS));
        assertThat(right).isInstanceOfSatisfying(Response.CheckInRefused.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
            assertThat(refused.message()).matches("Too many wrong codes; try again in \\d+ seconds?\\.");
        });
        assertThat(elsewhere).isInstanceOf(Response.CheckedIn.class);
        Response status = answer(application.session(Lang.EN), new Request.Status(CLASS));
        assertThat(status).isInstanceOfSatisfying(Response.RollCallReply.class,
                reply -> assertThat(reply.alerts().wrongCodes()).isGreaterThanOrEqualTo(50));
    }

    @Test
    void checkIn_guessedFromManyAddresses_slowsTheGuessers_notAFreshStudent_andTellsTheTeacher()
            throws UnknownHostException {
        // A stopped clock: the guesses all ask within one turn, however slow the machine.
        start(CheckInSettings.defaults(), Clock.fixed(Instant.parse("2026-11-30T11:00:00Z"), ZoneId.of("America/Sao_Paulo")));
        Response opened = answer(application.session(Lang.EN),
                new Request.Open(CLASS, Optional.of(CodePolicy.FIXED), false, false));
        String code = ((Response.Opened) opened).code().orElseThrow().code();
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < GuessLimits.SLOW_AFTER; i++) {
            int guesser = i / GuessLimits.TURN_AFTER;
            answer(application.session(Lang.EN, InetAddress.getByName("10.1." + (guesser / 250) + "." + (guesser % 250))),
                    new Request.CheckIn(STUDENT, CLASS, Optional.of(wrong), Optional.empty()));
        }

        List<Response> guesses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            guesses.add(answer(application.session(Lang.EN, InetAddress.getByName("10.1.0." + i)),
                    new Request.CheckIn(STUDENT, CLASS, Optional.of(wrong), Optional.empty())));
        }
        Response student = answer(application.session(Lang.EN, InetAddress.getByName("10.9.9.9")),
                new Request.CheckIn(new Matricula("7"), CLASS, Optional.of(code), Optional.empty()));
        Response status = answer(application.session(Lang.EN), new Request.Status(CLASS));

        // The first guesser takes this turn and has its code checked; the others wait for theirs.
        assertThat(guesses).map(refused -> ((Response.CheckInRefused) refused).code())
                .first().isEqualTo(ErrorCode.WRONG_CODE);
        assertThat(guesses.subList(1, guesses.size())).map(refused -> ((Response.CheckInRefused) refused).code())
                .containsOnly(ErrorCode.TOO_MANY_ATTEMPTS).hasSize(9);
        assertThat(((Response.CheckInRefused) guesses.getLast()).message())
                .matches("Class 1010 is being flooded with wrong codes from elsewhere, so your network takes turns;"
                        + " yours comes in \\d+ seconds?: try again then\\.");
        assertThat(student).isInstanceOf(Response.CheckedIn.class);
        assertThat(status).isInstanceOfSatisfying(Response.RollCallReply.class,
                reply -> assertThat(reply.alerts().slowed()).isTrue());
    }

    @Test
    void status_afterAPhoneTriedASecondMatricula_tellsTheTeacher() {
        start(CheckInSettings.defaults());
        answer(application.session(Lang.EN), new Request.Open(CLASS));
        Optional<DeviceId> phone = Optional.of(new DeviceId("phone-of-alice-0001"));
        answer(application.session(Lang.EN), new Request.CheckIn(STUDENT, CLASS, Optional.empty(), phone));
        answer(application.session(Lang.EN), new Request.CheckIn(new Matricula("7"), CLASS, Optional.empty(), phone));

        Response status = answer(application.session(Lang.EN), new Request.Status(CLASS));

        assertThat(status).isInstanceOfSatisfying(Response.RollCallReply.class,
                reply -> assertThat(reply.alerts()).isEqualTo(new RollCallAlerts(0, 1)));
    }

    private void start(CheckInSettings settings) {
        start(settings, Clock.system(ZoneId.of("America/Sao_Paulo")));
    }

    private void start(CheckInSettings settings, Clock clock) {
        ChamadaStore store = new StoreConfig.Embedded(dir.resolve("chamada.db")).open(ZoneId.of("America/Sao_Paulo"));
        application = new Application(new OpenMode(), store, clock,
                settings, TestMaterials.folderIn(dir), MaterialLimits.defaults());
    }


    private Response answer(Session session, Request request) {
        try {
            return application.handle(session, request).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no reply to " + request, e);
        }
    }
}
