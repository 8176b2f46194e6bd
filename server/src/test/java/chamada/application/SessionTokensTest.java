package chamada.application;

import chamada.rollcall.TeacherName;
import chamada.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Session tokens stand for a teacher until they expire, and only under the key that signed them. */
class SessionTokensTest {

    private static final TeacherName ANA = TeacherName.ofLogin("ana");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final SessionTokens tokens = new SessionTokens(key(1), clock);

    @Test
    void verify_freshToken_isItsTeacher() {
        assertThat(tokens.verify(tokens.issue(ANA)).map(SessionTokens.Verified::teacher)).contains(ANA);
    }

    @Test
    void verify_justBeforeAndAtExpiry_isTheTeacherThenNothing() {
        String token = tokens.issue(ANA);

        clock.advance(SessionTokens.LIFETIME.minusSeconds(1));
        assertThat(tokens.verify(token).map(SessionTokens.Verified::teacher)).contains(ANA);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void verify_tokenSignedWithAnotherKey_isNothing() {
        String foreign = new SessionTokens(key(2), clock).issue(ANA);

        assertThat(tokens.verify(foreign)).isEmpty();
    }

    @Test
    void verify_expiryMovedLater_isNothing() {
        String[] parts = tokens.issue(ANA).split("\\.");
        String extended = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];

        assertThat(tokens.verify(extended)).isEmpty();
    }

    @Test
    void verify_garbage_isNothingWithoutThrowing() {
        for (String garbage : new String[] {"", ".", "..", "a.b.c", "YW5h.x.y", "YW5h.1.!!!", "x".repeat(10_000),
                "KG9wZW4p.99999999999.AAAA"}) {
            assertThat(tokens.verify(garbage)).as(garbage.length() > 40 ? "a long string" : garbage).isEmpty();
        }
    }

    @Test
    void verify_signedTokenForAReservedOwner_isNothing() {
        String reserved = tokens.issue(TeacherName.OPEN_MODE);

        assertThat(tokens.verify(reserved)).isEmpty();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        return key;
    }
}
