package chamada.rollcall;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GuessLimitsTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Optional<DeviceId> PHONE = Optional.of(new DeviceId("phone-of-alice-0001"));

    private final GuessLimits limits = new GuessLimits();

    @Test
    void wait_fewWrongCodesFromADevice_isNone_thenGrowsWithEachWrongCode() throws UnknownHostException {
        InetAddress from = InetAddress.getByName("10.0.0.5");
        for (int i = 0; i < 5; i++) {
            limits.wrong(CLASS, from, PHONE, NOW);
        }
        assertThat(limits.wait(CLASS, from, PHONE, NOW)).isEmpty();

        limits.wrong(CLASS, from, PHONE, NOW);
        assertThat(limits.wait(CLASS, from, PHONE, NOW)).contains(Duration.ofSeconds(2));
        limits.wrong(CLASS, from, PHONE, NOW);
        assertThat(limits.wait(CLASS, from, PHONE, NOW)).contains(Duration.ofSeconds(4));
        assertThat(limits.wait(CLASS, from, PHONE, NOW.plusSeconds(4))).isEmpty();
    }

    @Test
    void wait_anotherDeviceOnTheSameAddress_isNotHeldByTheFirstDevicesGuesses() throws UnknownHostException {
        InetAddress from = InetAddress.getByName("10.0.0.5");
        for (int i = 0; i < 10; i++) {
            limits.wrong(CLASS, from, PHONE, NOW);
        }

        assertThat(limits.wait(CLASS, from, Optional.of(new DeviceId("phone-of-beto-00002")), NOW)).isEmpty();
    }

    @Test
    void wait_manyWrongCodesFromOneAddress_holdsItBackButOnlyForSeconds() throws UnknownHostException {
        InetAddress from = InetAddress.getByName("10.0.0.5");
        for (int i = 0; i < 200; i++) {
            limits.wrong(CLASS, from, Optional.empty(), NOW);
        }

        assertThat(limits.wait(CLASS, from, Optional.empty(), NOW)).hasValueSatisfying(
                wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void wait_ipv6AddressesOfOneSlash64_countTogether() throws UnknownHostException {
        for (int i = 0; i < 60; i++) {
            limits.wrong(new ClassId(1 + i), InetAddress.getByName("2001:db8:1:2::" + Integer.toHexString(i + 1)),
                    Optional.empty(), NOW);
        }

        assertThat(limits.wait(new ClassId(999), InetAddress.getByName("2001:db8:1:2::ffff"), Optional.empty(), NOW))
                .isPresent();
        assertThat(limits.wait(new ClassId(999), InetAddress.getByName("2001:db8:1:3::1"), Optional.empty(), NOW))
                .isEmpty();
    }

    @Test
    void wrongCodes_areForgottenAfterTheWindow() throws UnknownHostException {
        InetAddress from = InetAddress.getByName("10.0.0.5");
        limits.wrong(CLASS, from, PHONE, NOW);

        assertThat(limits.wrongCodes(CLASS, NOW)).isEqualTo(1);
        assertThat(limits.wrongCodes(CLASS, NOW.plus(GuessLimits.WINDOW).plusSeconds(1))).isZero();
    }
}
