package chamada.application;

import chamada.rollcall.TeacherName;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Short-lived tokens that stand for a teacher's login, so that a front which authenticated a
 * teacher once (a browser, an integrator with several connections) does not run the slow
 * password check on every request.
 *
 * <p>A token is {@code name.expiry.signature}: the teacher's name (base64url), the second it
 * expires (epoch seconds), and an HMAC-SHA256 of both under the store's session key
 * ({@link chamada.teachers.SessionKeys}). Signed rather than remembered, so any server sharing
 * the store, or this one after a restart, honours it with no shared memory. A token cannot be
 * taken back before it expires, which is why it lives {@link #LIFETIME} only; a new password does
 * not end it either, but removing the teacher from the teachers file does, at the next start
 * ({@code Logins#resume} asks the teachers file too). Thread-safe.
 */
final class SessionTokens {

    /** A school day: a teacher logs in in the morning and is not asked again until the next. */
    static final Duration LIFETIME = Duration.ofHours(12);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_CHARS = 512;

    /** A token this server signed: whom it stands for, and until when. */
    record Verified(TeacherName teacher, Instant expires) {
    }

    private final SecretKeySpec key;
    private final Clock clock;

    SessionTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
    }

    /** A token for {@code teacher}, valid for {@link #LIFETIME} from now. */
    String issue(TeacherName teacher) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = ENCODER.encodeToString(teacher.value().getBytes(StandardCharsets.UTF_8)) + "." + expires;
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The teacher {@code token} stands for and its expiry, if this store's key signed it and it has not expired. */
    Optional<Verified> verify(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String payload = parts[0] + "." + parts[1];
            long expires = Long.parseLong(parts[1]);
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[2]))
                    || expires <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Verified(TeacherName.ofLogin(new String(DECODER.decode(parts[0]),
                    StandardCharsets.UTF_8)), Instant.ofEpochSecond(expires)));
        } catch (RuntimeException e) {
            // Not base64, not a number, not a name: not a token this server made.
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
