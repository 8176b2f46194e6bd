package chamada.rollcall;

import chamada.error.Expected;
import chamada.error.Fields;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Check-in codes: which one a roll call shows at a moment, and whether a typed one is accepted.
 *
 * <p>Design note. A code is RFC 6238's TOTP construction: the HMAC (here SHA-256) of the
 * period's number under the roll call's secret, cut to 6 decimal digits by RFC 4226's dynamic
 * truncation. It depends only on the stored secret and the clock, so every node of a shared
 * store and every restart computes the same code without telling each other. A fixed code is
 * the same computation at period 0. Six digits because students type them on a phone's numeric
 * keypad; guessing is held back by attempt limits, not by length.
 *
 * <p>Stateless and thread-safe.
 */
public final class CheckInCode {

    public static final int DIGITS = 6;

    /** How many periods back {@link #recentlyAccepted} looks, at least. */
    static final int RECENT_PERIODS = 4;

    private CheckInCode() {
    }

    /** The field that carries a code, named when one is refused. */
    public static final String FIELD = "code";

    /**
     * A code as a student typed it, as digits: spaces are taken out (the projector shows
     * {@code 123 456}), and anything but six digits is refused naming the field, so a typo is
     * told apart from a wrong code, and never counted as a guess.
     */
    public static String parse(String typed) {
        String digits = typed.replace(" ", "");
        if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Fields.invalid(FIELD, typed, Expected.CODE);
        }
        return digits;
    }

    /** The code {@code rules} shows at {@code now}; empty for a roll call without codes. */
    public static Optional<CurrentCode> current(CheckInRules rules, Instant now, ZoneId zone) {
        return switch (rules.policy()) {
            case NONE -> Optional.empty();
            case FIXED -> Optional.of(new CurrentCode(code(rules.secret(), 0), Optional.empty()));
            case ROTATING -> {
                long period = period(rules, now);
                Instant next = Instant.ofEpochSecond((period + 1) * rules.period().toSeconds());
                yield Optional.of(new CurrentCode(code(rules.secret(), period),
                        Optional.of(OffsetDateTime.ofInstant(next, zone))));
            }
        };
    }

    /**
     * Whether {@code typed} is a code {@code rules} accepts at {@code at}: the current one, or
     * the previous one up to the grace time after it was replaced. Compared in constant time.
     */
    public static boolean accepts(CheckInRules rules, String typed, Instant at) {
        return switch (rules.policy()) {
            case NONE -> true;
            case FIXED -> same(code(rules.secret(), 0), typed);
            case ROTATING -> {
                long period = period(rules, at);
                Instant replaced = Instant.ofEpochSecond(period * rules.period().toSeconds());
                boolean current = same(code(rules.secret(), period), typed);
                boolean previous = at.isBefore(replaced.plus(rules.grace()))
                        && same(code(rules.secret(), period - 1), typed);
                yield current || previous;
            }
        };
    }

    /**
     * Whether {@code typed} is a code {@code rules} accepted within the last minute, or at
     * least the last {@value #RECENT_PERIODS} periods: a student who typed too slowly, not a guess.
     */
    public static boolean recentlyAccepted(CheckInRules rules, String typed, Instant at) {
        if (rules.policy() != CodePolicy.ROTATING) {
            return false;
        }
        long periods = Math.max(RECENT_PERIODS, 60 / rules.period().toSeconds());
        long period = period(rules, at);
        boolean recent = false;
        for (long back = 1; back <= periods; back++) {
            recent |= same(code(rules.secret(), period - back), typed);
        }
        return recent;
    }

    private static long period(CheckInRules rules, Instant at) {
        return Math.floorDiv(at.getEpochSecond(), rules.period().toSeconds());
    }

    /** RFC 4226, section 5.3, over HMAC-SHA256 as RFC 6238 allows. */
    static String code(CodeSecret secret, long period) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(period).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
        return String.format("%06d", binary % 1_000_000);
    }

    private static boolean same(String expected, String typed) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                typed.getBytes(StandardCharsets.US_ASCII));
    }
}
