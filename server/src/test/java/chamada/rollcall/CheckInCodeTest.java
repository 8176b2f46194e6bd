package chamada.rollcall;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CheckInCodeTest {

    /** RFC 6238, appendix B: the SHA-256 seed, 32 bytes. */
    private static final CodeSecret RFC_SEED =
            new CodeSecret("12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII));
    private static final CheckInRules RFC_RULES =
            new CheckInRules(CodePolicy.ROTATING, RFC_SEED, Duration.ofSeconds(30), Duration.ZERO, false);

    @Test
    void current_rfc6238Sha256Vectors_areTheirLastSixDigits() {
        // RFC 6238's table gives 8 digits; ours are the same number modulo 10^6.
        assertThat(code(59)).isEqualTo("119246");
        assertThat(code(1_111_111_109)).isEqualTo("084774");
        assertThat(code(1_234_567_890)).isEqualTo("819424");
        assertThat(code(2_000_000_000)).isEqualTo("698825");
    }

    @Test
    void current_rotating_expiresAtTheEndOfItsPeriod() {
        assertThat(CheckInCode.current(RFC_RULES, Instant.ofEpochSecond(59), ZoneOffset.UTC).orElseThrow().expiresAt())
                .hasValueSatisfying(expiry -> assertThat(expiry.toInstant()).isEqualTo(Instant.ofEpochSecond(60)));
    }

    @Test
    void current_none_isEmpty_andFixed_neverExpires() {
        assertThat(CheckInCode.current(CheckInRules.none(), Instant.EPOCH, ZoneOffset.UTC)).isEmpty();
        CheckInRules fixed = new CheckInRules(CodePolicy.FIXED, RFC_SEED, Duration.ofSeconds(30), Duration.ZERO, false);
        assertThat(CheckInCode.current(fixed, Instant.ofEpochSecond(59), ZoneOffset.UTC).orElseThrow())
                .isEqualTo(CheckInCode.current(fixed, Instant.ofEpochSecond(1_234_567_890), ZoneOffset.UTC).orElseThrow())
                .satisfies(code -> assertThat(code.expiresAt()).isEmpty());
    }

    @Test
    void accepts_previousCode_onlyWithinTheGrace() {
        CheckInRules graced = new CheckInRules(CodePolicy.ROTATING, RFC_SEED, Duration.ofSeconds(30),
                Duration.ofSeconds(5), false);
        String first = code(59);

        assertThat(CheckInCode.accepts(graced, first, Instant.ofEpochSecond(64))).isTrue();
        assertThat(CheckInCode.accepts(graced, first, Instant.ofEpochSecond(65))).isFalse();
        assertThat(CheckInCode.accepts(RFC_RULES, first, Instant.ofEpochSecond(60))).isFalse();
    }

    @Test
    void rules_graceLongerThanThePeriod_isRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CheckInRules(CodePolicy.ROTATING, RFC_SEED,
                Duration.ofSeconds(15), Duration.ofSeconds(16), false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recentlyAccepted_aCodeOfTheLastMinute_butNotTheCurrentNorAnOlderOne() {
        assertThat(CheckInCode.recentlyAccepted(RFC_RULES, code(59), Instant.ofEpochSecond(59 + 30))).isTrue();
        assertThat(CheckInCode.recentlyAccepted(RFC_RULES, code(59), Instant.ofEpochSecond(59 + 120))).isTrue();
        assertThat(CheckInCode.recentlyAccepted(RFC_RULES, code(59), Instant.ofEpochSecond(59 + 150))).isFalse();
        assertThat(CheckInCode.recentlyAccepted(RFC_RULES, code(59), Instant.ofEpochSecond(59))).isFalse();
    }

    @Test
    void codeSecret_isNeverShown() {
        assertThat(RFC_SEED.toString()).doesNotContain("1234");
        assertThat(RFC_RULES.toString()).doesNotContain("1234");
        assertThat(CheckInCode.current(RFC_RULES, Instant.ofEpochSecond(59), ZoneOffset.UTC).orElseThrow().toString())
                .doesNotContain("119246");
    }

    private static String code(long epochSecond) {
        return CheckInCode.current(RFC_RULES, Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC).orElseThrow().code();
    }
}
