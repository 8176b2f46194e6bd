package chamada.teachers;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A teacher's secret as the teachers file keeps it: PBKDF2 with HMAC-SHA256 over a random
 * salt, encoded as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} with salt and hash in standard
 * Base64.
 *
 * <p>Design note. PBKDF2 (RFC 8018, section 5.2) because the JDK ships it, so the project
 * needs no native or third-party crypto. The iteration count travels in every encoded hash,
 * so a later release can raise {@link #ITERATIONS} and old lines keep verifying. Comparison
 * is constant-time ({@link MessageDigest#isEqual}) so the time a wrong secret takes says
 * nothing about how much of it was right.
 *
 * <p>Immutable and thread-safe. Each hash or verification costs one full PBKDF2 run (a
 * fraction of a second of CPU, by design).
 */
public final class PasswordHash {

    /** The scheme name at the start of every encoded hash. */
    public static final String SCHEME = "pbkdf2-sha256";

    /** Iterations used for new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    /** Accepted when reading: a typo of a few zeros must not make every login take minutes. */
    static final int MAX_ITERATIONS = 10_000_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code secret} with a fresh random salt and {@link #ITERATIONS} iterations. */
    public static PasswordHash of(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(secret, salt, ITERATIONS, HASH_BYTES));
    }

    /**
     * Reads an encoded hash such as {@code pbkdf2-sha256$600000$c2FsdA==$aGFzaA==}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected " + SCHEME + "$ITERATIONS$SALT$HASH (4 parts separated by $), got "
                    + parts.length + " part(s)");
        }
        if (!parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("unknown scheme \"" + parts[0] + "\"; only " + SCHEME + " is supported");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations \"" + parts[1] + "\" is not a whole number", e);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from 1 to " + MAX_ITERATIONS + ", got " + iterations);
        }
        byte[] salt = base64(parts[2], "salt");
        byte[] hash = base64(parts[3], "hash");
        if (salt.length < 8 || salt.length > 64) {
            throw new IllegalArgumentException("salt must be 8 to 64 bytes, got " + salt.length);
        }
        if (hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("hash must be 16 to 64 bytes, got " + hash.length);
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /**
     * A hash no secret matches, with the cost of a real one: checking it lets an unknown name
     * take as long as a known one.
     */
    static PasswordHash dummy() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = new byte[HASH_BYTES];
        RANDOM.nextBytes(hash);
        return new PasswordHash(ITERATIONS, salt, hash);
    }

    /** Whether {@code secret} is the one this hash was made from. */
    public boolean matches(String secret) {
        if (secret.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(secret, salt, iterations, hash.length));
    }

    /** The form written in the teachers file. */
    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    public int iterations() {
        return iterations;
    }

    /** Shows the parameters only: a hash is not a secret, but logs have no use for it. */
    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    private static byte[] derive(String secret, byte[] salt, int iterations, int bytes) {
        char[] chars = secret.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every JDK since 8 ships this algorithm; its absence is a broken runtime, not a user error.
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] base64(String text, String part) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(part + " is not valid Base64: " + e.getMessage(), e);
        }
    }
}
