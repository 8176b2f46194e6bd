package chamada.rollcall;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret a roll call's check-in codes are derived from, kept with the roll call in the
 * store so that a restart, or another node of the same database, derives the same codes.
 * Never shown: {@link #toString()} hides it.
 */
public record CodeSecret(byte[] bytes) {

    /** Long enough for HMAC-SHA256 (RFC 2104 asks for at least the hash's output, 32 bytes). */
    public static final int BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    public CodeSecret {
        if (bytes.length != 0 && bytes.length != BYTES) {
            throw new IllegalArgumentException("a code secret has " + BYTES + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** A new random secret. */
    public static CodeSecret random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new CodeSecret(bytes);
    }

    /** No secret: a roll call without codes. */
    public static CodeSecret none() {
        return new CodeSecret(new byte[0]);
    }

    public boolean isNone() {
        return bytes.length == 0;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodeSecret that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return isNone() ? "CodeSecret[none]" : "CodeSecret[***]";
    }
}
