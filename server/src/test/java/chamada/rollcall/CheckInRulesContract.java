package chamada.rollcall;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-in rules every {@link RollCallStore} keeps, as its Javadoc states them: codes (none,
 * fixed, rotating with its grace time), the order of the checks, one device one check-in with
 * its replacement window, and rules that survive a reopen. A store runs it by extending this
 * class, as it does {@link RollCallStoreContract}.
 */
public abstract class CheckInRulesContract {

    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private static final ClassId CLASS = new ClassId(1010);
    private static final TeacherName ANA = new TeacherName("ana");
    private static final Matricula ALICE = new Matricula("042191010");
    private static final Matricula BETO = new Matricula("205182055");
    private static final DeviceId PHONE = new DeviceId("phone-of-alice-0001");
    private static final DeviceId OTHER_PHONE = new DeviceId("phone-of-beto-00002");
    private static final Duration PERIOD = Duration.ofSeconds(15);
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** The start of a code period, so tests can say exactly how far into it they are. */
    private static final Instant PERIOD_START = Instant.ofEpochSecond(1_764_000_000L / 15 * 15);

    private RollCallStore store;

    protected abstract RollCallStore openStore();

    protected abstract RollCallStore reopen(RollCallStore store);

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void checkIn_policyNone_needsNoCodeAndIgnoresOne() {
        open(rules(CodePolicy.NONE, false));

        assertThat(checkIn(ALICE, Optional.empty(), Optional.empty(), 1)).isInstanceOf(CheckInResult.Registered.class);
        assertThat(checkIn(BETO, Optional.of("123456"), Optional.empty(), 2)).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void checkIn_withoutCodeWhereOneIsAsked_isCodeRequiredAndWritesNothing() {
        open(rules(CodePolicy.ROTATING, false));

        assertThat(checkIn(ALICE, Optional.empty(), Optional.empty(), 1)).isInstanceOf(CheckInResult.CodeRequired.class);
        assertThat(present()).isEmpty();
    }

    @Test
    void checkIn_rotatingCurrentCode_isRegistered() {
        CheckInRules rules = open(rules(CodePolicy.ROTATING, false));

        assertThat(checkIn(ALICE, Optional.of(codeAt(rules, 3)), Optional.empty(), 3))
                .isInstanceOf(CheckInResult.Registered.class);
        assertThat(present()).extracting(CheckIn::matricula).containsExactly(ALICE);
    }

    @Test
    void checkIn_previousCodeWithinGrace_isRegistered_andAfterGrace_isWrongCode() {
        CheckInRules rules = open(rules(CodePolicy.ROTATING, false));
        String first = codeAt(rules, 1);

        assertThat(checkIn(ALICE, Optional.of(first), Optional.empty(), 15 + 9))
                .isInstanceOf(CheckInResult.Registered.class);
        assertThat(checkIn(BETO, Optional.of(first), Optional.empty(), 15 + 10))
                .isInstanceOf(CheckInResult.WrongCode.class);
    }

    @Test
    void checkIn_wrongCode_isWrongCodeAndWritesNothing_evenForAStudentAlreadyPresent() {
        CheckInRules rules = open(rules(CodePolicy.ROTATING, false));
        checkIn(ALICE, Optional.of(codeAt(rules, 1)), Optional.empty(), 1);
        String wrong = codeAt(rules, 1).equals("000000") ? "000001" : "000000";

        assertThat(checkIn(BETO, Optional.of(wrong), Optional.empty(), 2)).isInstanceOf(CheckInResult.WrongCode.class);
        assertThat(checkIn(ALICE, Optional.of(wrong), Optional.empty(), 3)).isInstanceOf(CheckInResult.WrongCode.class);
        assertThat(present()).extracting(CheckIn::matricula).containsExactly(ALICE);
    }

    @Test
    void checkIn_codeOfTheNextPeriodOrTwoPeriodsBack_isWrongCode_andOnlyAnOldOneIsNoGuess() {
        CheckInRules rules = open(rules(CodePolicy.ROTATING, false));

        assertThat(checkIn(ALICE, Optional.of(codeAt(rules, 16)), Optional.empty(), 1))
                .isEqualTo(new CheckInResult.WrongCode(CLASS, time(1), true));
        assertThat(checkIn(ALICE, Optional.of(codeAt(rules, 1)), Optional.empty(), 31))
                .isEqualTo(new CheckInResult.WrongCode(CLASS, time(31), false));
    }

    @Test
    void checkIn_deviceAlreadyUsed_isLookedAtAfterTheCodeAndAfterARepeat() {
        CheckInRules rules = open(rules(CodePolicy.FIXED, false));
        String code = codeAt(rules, 0);
        String wrong = code.equals("000000") ? "000001" : "000000";
        checkIn(ALICE, Optional.of(code), Optional.of(PHONE), 1);

        assertThat(checkIn(BETO, Optional.of(wrong), Optional.of(PHONE), 500)).isInstanceOf(CheckInResult.WrongCode.class);
        assertThat(checkIn(ALICE, Optional.of(code), Optional.of(PHONE), 501))
                .isEqualTo(new CheckInResult.AlreadyRegistered(CLASS, time(1)));
        assertThat(checkIn(BETO, Optional.of(code), Optional.of(PHONE), 502))
                .isInstanceOf(CheckInResult.DeviceAlreadyUsed.class);
    }

    @Test
    void deviceRule_afterReopen_countsTheWindowFromTheDevicesFirstCheckIn() {
        open(rules(CodePolicy.NONE, false));
        checkIn(ALICE, Optional.empty(), Optional.of(PHONE), 1);
        checkIn(BETO, Optional.empty(), Optional.of(PHONE), 100);

        store = reopen(store);

        assertThat(checkIn(new Matricula("7"), Optional.empty(), Optional.of(PHONE), 1 + 121))
                .isInstanceOf(CheckInResult.DeviceAlreadyUsed.class);
        assertThat(checkIn(new Matricula("8"), Optional.empty(), Optional.of(OTHER_PHONE), 130))
                .isInstanceOf(CheckInResult.Registered.class);
    }

    /**
     * As a plain check-in ({@link RollCallStoreContract}), one with the code and a device, stamped a
     * second before the opening, is decided and taken at the opening: the code is the opening's, not
     * the period's before (PostgreSQL decides a device's check-in on a path of its own).
     */
    @Test
    void checkIn_withCodeAndDeviceStampedBeforeTheOpening_isRegisteredAtTheOpening() {
        CheckInRules rules = open(rules(CodePolicy.ROTATING, false));

        assertThat(checkIn(ALICE, Optional.of(codeAt(rules, 0)), Optional.of(PHONE), -1))
                .isEqualTo(new CheckInResult.Registered(CLASS, time(0)));
        assertThat(present()).containsExactly(new CheckIn(ALICE, time(0), Optional.of(PHONE)));
    }

    @Test
    void checkIn_fixedCode_isTheSameForTheWholeRollCall() {
        CheckInRules rules = open(rules(CodePolicy.FIXED, false));
        String code = CheckInCode.current(rules, PERIOD_START, ZONE).orElseThrow().code();

        assertThat(checkIn(ALICE, Optional.of(code), Optional.empty(), 1)).isInstanceOf(CheckInResult.Registered.class);
        assertThat(checkIn(BETO, Optional.of(code), Optional.empty(), 3_600)).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void rules_afterReopen_areTheSameSoTheSameCodesAreAccepted() {
        CheckInRules rules = open(rules(CodePolicy.ROTATING, true));

        store = reopen(store);

        assertThat(await(store.openRollCall(CLASS))).hasValueSatisfying(
                rollCall -> assertThat(rollCall.rules()).isEqualTo(rules));
        assertThat(checkIn(ALICE, Optional.of(codeAt(rules, 2)), Optional.of(PHONE), 2))
                .isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void checkIn_secondMatriculaFromOneDeviceWithinTheWindow_replacesTheFirst() {
        open(rules(CodePolicy.NONE, false));
        checkIn(ALICE, Optional.empty(), Optional.of(PHONE), 1);

        CheckInResult result = checkIn(BETO, Optional.empty(), Optional.of(PHONE), 1 + 119);

        assertThat(result).isEqualTo(new CheckInResult.Replaced(CLASS, ALICE, time(1 + 119)));
        assertThat(present()).containsExactly(new CheckIn(BETO, time(1 + 119), Optional.of(PHONE)));
    }

    @Test
    void checkIn_secondMatriculaFromOneDeviceAfterTheWindow_isDeviceAlreadyUsed() {
        open(rules(CodePolicy.NONE, false));
        checkIn(ALICE, Optional.empty(), Optional.of(PHONE), 1);

        assertThat(checkIn(BETO, Optional.empty(), Optional.of(PHONE), 1 + 121))
                .isInstanceOf(CheckInResult.DeviceAlreadyUsed.class);
        assertThat(present()).extracting(CheckIn::matricula).containsExactly(ALICE);
    }

    @Test
    void checkIn_replacementWindow_countsFromTheDevicesFirstCheckIn() {
        open(rules(CodePolicy.NONE, false));
        checkIn(ALICE, Optional.empty(), Optional.of(PHONE), 1);
        checkIn(BETO, Optional.empty(), Optional.of(PHONE), 60);

        assertThat(checkIn(new Matricula("7"), Optional.empty(), Optional.of(PHONE), 1 + 121))
                .isInstanceOf(CheckInResult.DeviceAlreadyUsed.class);
    }

    @Test
    void checkIn_sharedDevices_registersEveryMatriculaFromOneDevice() {
        open(rules(CodePolicy.NONE, true));

        assertThat(checkIn(ALICE, Optional.empty(), Optional.of(PHONE), 1)).isInstanceOf(CheckInResult.Registered.class);
        assertThat(checkIn(BETO, Optional.empty(), Optional.of(PHONE), 500)).isInstanceOf(CheckInResult.Registered.class);
        assertThat(present()).extracting(CheckIn::matricula).containsExactly(ALICE, BETO);
    }

    @Test
    void checkIn_matriculaAlreadyPresentFromAnotherDevice_isAlreadyRegistered() {
        open(rules(CodePolicy.NONE, false));
        checkIn(ALICE, Optional.empty(), Optional.of(PHONE), 1);

        assertThat(checkIn(ALICE, Optional.empty(), Optional.of(OTHER_PHONE), 2))
                .isEqualTo(new CheckInResult.AlreadyRegistered(CLASS, time(1)));
    }

    @Test
    void checkIn_withoutDevice_isNeverHeldByTheDeviceRule() {
        open(rules(CodePolicy.NONE, false));
        checkIn(ALICE, Optional.empty(), Optional.empty(), 1);

        assertThat(checkIn(BETO, Optional.empty(), Optional.empty(), 500)).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void replacement_afterReopen_isKept() {
        open(rules(CodePolicy.NONE, false));
        checkIn(ALICE, Optional.empty(), Optional.of(PHONE), 1);
        checkIn(BETO, Optional.empty(), Optional.of(PHONE), 30);

        store = reopen(store);

        assertThat(present()).containsExactly(new CheckIn(BETO, time(30), Optional.of(PHONE)));
        assertThat(checkIn(ALICE, Optional.empty(), Optional.of(OTHER_PHONE), 40))
                .isInstanceOf(CheckInResult.Registered.class);
    }

    private static CheckInRules rules(CodePolicy policy, boolean sharedDevices) {
        return new CheckInRules(policy, policy.needsCode() ? CodeSecret.random() : CodeSecret.none(), PERIOD, GRACE,
                sharedDevices);
    }

    private CheckInRules open(CheckInRules rules) {
        assertThat(await(store.open(CLASS, ANA, rules, time(0)))).isInstanceOf(OpenResult.Opened.class);
        return rules;
    }

    private CheckInResult checkIn(Matricula matricula, Optional<String> code, Optional<DeviceId> device, long second) {
        return await(store.checkIn(new CheckInAttempt(CLASS, matricula, code, device, time(second))));
    }

    private List<CheckIn> present() {
        return await(store.openRollCall(CLASS)).orElseThrow().present();
    }

    /** The code shown {@code second} seconds after {@link #PERIOD_START}. */
    private static String codeAt(CheckInRules rules, long second) {
        return CheckInCode.current(rules, PERIOD_START.plusSeconds(second), ZONE).orElseThrow().code();
    }

    private static OffsetDateTime time(long second) {
        return PERIOD_START.plusSeconds(second).atZone(ZONE).toOffsetDateTime();
    }
}
