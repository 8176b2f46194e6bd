package chamada.rollcall;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GuessLimitsTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Optional<DeviceId> PHONE = Optional.of(new DeviceId("phone-of-alice-0001"));

    private final GuessLimits limits = new GuessLimits();
    /** The tests' clock: {@link #guess} moves it on past any wait, as a patient guesser would. */
    private Instant now = NOW;

    @Test
    void begin_fewWrongCodesFromADevice_isAdmitted_thenTheWaitGrowsWithEachWrongCode() throws UnknownHostException {
        InetAddress from = address("10.0.0.5");
        for (int i = 0; i < 5; i++) {
            wrong(from, PHONE, NOW);
        }

        wrong(from, PHONE, NOW);
        assertThat(limits.begin(CLASS, from, PHONE, NOW)).isEqualTo(new GuessLimits.HeldBack(Duration.ofSeconds(2), false));
        wrong(from, PHONE, NOW.plusSeconds(2));
        assertThat(limits.begin(CLASS, from, PHONE, NOW.plusSeconds(3))).isEqualTo(new GuessLimits.HeldBack(Duration.ofSeconds(3), false));
        assertThat(limits.begin(CLASS, from, PHONE, NOW.plusSeconds(6))).isInstanceOf(GuessLimits.Admitted.class);
    }

    @Test
    void begin_attemptsStillBeingDecided_takeTheAllowance_soConcurrentGuessesCannotSlipPast()
            throws UnknownHostException {
        InetAddress from = address("10.0.0.5");
        List<GuessLimits.Admission> admissions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            admissions.add(limits.begin(CLASS, from, PHONE, NOW));
        }

        assertThat(admissions.subList(0, 5)).allMatch(GuessLimits.Admitted.class::isInstance);
        assertThat(admissions.subList(5, 20)).allMatch(GuessLimits.HeldBack.class::isInstance);
        limits.end((GuessLimits.Admitted) admissions.getFirst(), false, NOW);
        assertThat(limits.begin(CLASS, from, PHONE, NOW)).isInstanceOf(GuessLimits.Admitted.class);
    }

    @Test
    void begin_anotherDeviceOnTheSameAddress_isNotHeldByTheFirstDevicesGuesses() throws UnknownHostException {
        InetAddress from = address("10.0.0.5");
        for (int i = 0; i < 10; i++) {
            guess(from, PHONE);
        }

        assertThat(limits.begin(CLASS, from, PHONE, now)).isInstanceOf(GuessLimits.HeldBack.class);
        assertThat(limits.begin(CLASS, from, Optional.of(new DeviceId("phone-of-beto-00002")), now))
                .isInstanceOf(GuessLimits.Admitted.class);
    }

    @Test
    void begin_manyWrongCodesFromOneAddress_holdItBackForSecondsAtMost() throws UnknownHostException {
        InetAddress from = address("10.0.0.5");
        for (int i = 0; i < 200; i++) {
            guess(from, Optional.empty());
        }

        assertThat(limits.begin(CLASS, from, Optional.empty(), now)).isInstanceOfSatisfying(GuessLimits.HeldBack.class,
                held -> assertThat(held.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void begin_guessesIntoARollCallFromElsewhere_neverHoldBackAnotherStudent() throws UnknownHostException {
        for (int i = 0; i < 1_000; i++) {
            wrong(address("10.1." + (i / 250) + "." + (i % 250)), Optional.empty(), NOW);
        }

        assertThat(limits.begin(CLASS, address("10.9.9.9"), PHONE, NOW)).isInstanceOf(GuessLimits.Admitted.class);
        assertThat(limits.wrongCodes(CLASS, NOW)).isEqualTo(1_000);
    }

    @Test
    void begin_ipv6AddressesOfOneSlash64_countTogether() throws UnknownHostException {
        for (int i = 0; i < 60; i++) {
            guess(address("2001:db8:1:2::" + Integer.toHexString(i + 1)), Optional.empty());
        }

        assertThat(limits.begin(CLASS, address("2001:db8:1:2::ffff"), Optional.empty(), now))
                .isInstanceOf(GuessLimits.HeldBack.class);
        assertThat(limits.begin(CLASS, address("2001:db8:1:3::1"), Optional.empty(), now))
                .isInstanceOf(GuessLimits.Admitted.class);
    }

    @Test
    void begin_aRollCallGuessedFromManyAddresses_isSlowedToOneTurnPerTurnTime_andItsTeacherIsTold()
            throws UnknownHostException {
        List<InetAddress> guessers = guessersPastTheSlowing();
        assertThat(new RollCallAlerts(limits.wrongCodes(CLASS, NOW), 0).slowed()).isTrue();

        long admitted = 0;
        Duration within = Duration.ofSeconds(10);
        for (Instant at = NOW; at.isBefore(NOW.plus(within)); at = at.plusMillis(50)) {
            for (InetAddress from : guessers) {
                if (limits.begin(CLASS, from, Optional.empty(), at) instanceof GuessLimits.Admitted attempt) {
                    limits.end(attempt, true, at);
                    admitted++;
                }
            }
        }

        assertThat(admitted).isEqualTo(within.dividedBy(GuessLimits.TURN));
    }

    @Test
    void begin_onASlowedRollCall_anAddressThatSentNoWrongCode_isAdmittedAtOnce() throws UnknownHostException {
        guessersPastTheSlowing();

        assertThat(limits.begin(CLASS, address("10.9.9.9"), PHONE, NOW)).isInstanceOf(GuessLimits.Admitted.class);
    }

    @Test
    void begin_onASlowedRollCall_aStudentWhoMistyped_getsTheirTurnWhenTold_howeverHardOthersTry()
            throws UnknownHostException {
        List<InetAddress> guessers = guessersPastTheSlowing();
        for (InetAddress from : guessers.subList(0, 20)) {
            limits.begin(CLASS, from, Optional.empty(), NOW);
        }
        InetAddress student = address("10.9.9.9");
        for (int i = 0; i < GuessLimits.TURN_AFTER; i++) {
            wrong(student, Optional.of(new DeviceId("phone-of-typist-000" + i)), NOW);
        }

        GuessLimits.Admission first = limits.begin(CLASS, student, PHONE, NOW);
        assertThat(first).isEqualTo(new GuessLimits.HeldBack(GuessLimits.TURN.multipliedBy(20), true));
        Instant told = NOW.plus(((GuessLimits.HeldBack) first).retryAfter());
        for (Instant at = NOW; at.isBefore(told.plusSeconds(1)); at = at.plusMillis(50)) {
            for (InetAddress from : guessers) {
                limits.begin(CLASS, from, Optional.empty(), at);
            }
        }
        assertThat(limits.begin(CLASS, student, PHONE, told.plusSeconds(1))).isInstanceOf(GuessLimits.Admitted.class);
    }

    /** Issue 16: an attempt that took its address's turn and was then held back by its device lost that turn. */
    @Test
    void begin_onASlowedRollCall_anAttemptItsDeviceHoldsBack_leavesTheTurnToItsAddress() throws UnknownHostException {
        guessersPastTheSlowing();
        Optional<DeviceId> guessingPhone = Optional.of(new DeviceId("phone-of-guesser-0001"));
        ClassId elsewhere = new ClassId(2020);
        for (int i = 0; i <= GuessLimits.Scope.DEVICE.free; i++) {
            GuessLimits.Admission admission = limits.begin(elsewhere, address("10.3.0.1"), guessingPhone, NOW);
            limits.end((GuessLimits.Admitted) admission, true, NOW);
        }
        InetAddress school = address("10.9.9.7");
        for (int i = 0; i < GuessLimits.TURN_AFTER; i++) {
            wrong(school, Optional.of(new DeviceId("phone-of-typist-200" + i)), NOW);
        }

        assertThat(limits.begin(CLASS, school, guessingPhone, NOW))
                .isInstanceOfSatisfying(GuessLimits.HeldBack.class, held -> assertThat(held.turn()).isFalse());
        assertThat(limits.begin(CLASS, school, PHONE, NOW)).isInstanceOf(GuessLimits.Admitted.class);
    }

    /** Issue 16 review: a fresh address fired concurrent wrong codes into a slowed roll call and had 50 admitted at once. */
    @Test
    void begin_onASlowedRollCall_concurrentAttemptsFromAFreshAddress_admitOnlyAFew() throws UnknownHostException {
        guessersPastTheSlowing();
        InetAddress fresh = address("10.2.0.1");

        List<GuessLimits.Admission> admissions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            admissions.add(limits.begin(CLASS, fresh, Optional.empty(), NOW));
        }

        // Its attempts in flight before it needs turns, and the one turn the roll call has free now.
        assertThat(admissions).filteredOn(GuessLimits.Admitted.class::isInstance)
                .hasSize(GuessLimits.TURN_AFTER_IN_FLIGHT + 1);
    }

    /** Issue 16 second review: a class's right codes being written at once made its shared address wait for turns. */
    @Test
    void begin_onASlowedRollCall_aClassBehindOneAddressWithCheckInsInFlightAndAFewTypos_isNotKeptWaiting()
            throws UnknownHostException {
        guessersPastTheSlowing();
        InetAddress school = address("10.9.9.8");
        for (int i = 0; i < GuessLimits.TURN_AFTER - 1; i++) {
            wrong(school, Optional.of(new DeviceId("phone-of-typist-100" + i)), NOW);
        }

        List<GuessLimits.Admission> inFlight = new ArrayList<>();
        for (int i = 0; i < GuessLimits.TURN_AFTER_IN_FLIGHT - GuessLimits.TURN_AFTER; i++) {
            inFlight.add(limits.begin(CLASS, school, Optional.of(new DeviceId("phone-of-student-" + i)), NOW));
        }

        assertThat(inFlight).allMatch(GuessLimits.Admitted.class::isInstance);
    }

    /** Issue 16 review: one typo behind a school's shared address made every student on it wait for turns. */
    @Test
    void begin_onASlowedRollCall_anAddressWithAFewTypos_isNotKeptWaiting() throws UnknownHostException {
        guessersPastTheSlowing();
        InetAddress school = address("10.9.9.9");
        for (int i = 0; i < GuessLimits.TURN_AFTER - 1; i++) {
            wrong(school, Optional.of(new DeviceId("phone-of-typist-000" + i)), NOW);
        }

        assertThat(limits.begin(CLASS, school, PHONE, NOW)).isInstanceOf(GuessLimits.Admitted.class);
    }

    @Test
    void begin_belowTheSlowing_anAddressThatGuessedOnce_isNotKeptWaiting() throws UnknownHostException {
        for (int i = 0; i < GuessLimits.SLOW_AFTER - 1; i++) {
            wrong(guesser(i), Optional.empty(), NOW);
        }

        assertThat(new RollCallAlerts(limits.wrongCodes(CLASS, NOW), 0).slowed()).isFalse();
        assertThat(limits.begin(CLASS, guesser(0), Optional.empty(), NOW)).isInstanceOf(GuessLimits.Admitted.class);
    }

    @Test
    void wrongCodes_areForgottenAfterTheWindow() throws UnknownHostException {
        wrong(address("10.0.0.5"), PHONE, NOW);

        assertThat(limits.wrongCodes(CLASS, NOW)).isEqualTo(1);
        assertThat(limits.wrongCodes(CLASS, NOW.plus(GuessLimits.WINDOW).plusSeconds(1))).isZero();
    }

    private void wrong(InetAddress from, Optional<DeviceId> device, Instant at) {
        GuessLimits.Admission admission = limits.begin(CLASS, from, device, at);
        assertThat(admission).isInstanceOf(GuessLimits.Admitted.class);
        limits.end((GuessLimits.Admitted) admission, true, at);
    }

    /** A wrong code from {@code from}, sent as soon as it may be. */
    private void guess(InetAddress from, Optional<DeviceId> device) {
        GuessLimits.Admission admission = limits.begin(CLASS, from, device, now);
        while (admission instanceof GuessLimits.HeldBack held) {
            now = now.plus(held.retryAfter());
            admission = limits.begin(CLASS, from, device, now);
        }
        limits.end((GuessLimits.Admitted) admission, true, now);
    }

    /** As many addresses as it takes to slow the roll call, each having sent it enough wrong codes to need turns. */
    private List<InetAddress> guessersPastTheSlowing() throws UnknownHostException {
        List<InetAddress> guessers = new ArrayList<>();
        for (int i = 0; i < GuessLimits.SLOW_AFTER / GuessLimits.TURN_AFTER; i++) {
            guessers.add(guesser(i));
            for (int j = 0; j < GuessLimits.TURN_AFTER; j++) {
                wrong(guessers.getLast(), Optional.empty(), NOW);
            }
        }
        return guessers;
    }

    private static InetAddress guesser(int i) throws UnknownHostException {
        return address("10.1." + (i / 250) + "." + (i % 250));
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
