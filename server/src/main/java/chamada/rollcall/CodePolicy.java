package chamada.rollcall;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a roll call asks students for a check-in code, chosen when it is opened: a code that
 * changes every few seconds on the projector ({@link #ROTATING}), one code for the whole roll
 * call ({@link #FIXED}), or no code at all ({@link #NONE}, as the seeds did).
 */
public enum CodePolicy {
    ROTATING,
    FIXED,
    NONE;

    /** The wire name: {@code rotating}, {@code fixed} or {@code none}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsCode() {
        return this != NONE;
    }

    /** The policy whose wire name is {@code word}, in any case; empty if there is none. */
    public static Optional<CodePolicy> fromWire(String word) {
        return Arrays.stream(values()).filter(policy -> policy.wire().equalsIgnoreCase(word)).findFirst();
    }
}
