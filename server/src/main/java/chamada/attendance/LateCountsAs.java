package chamada.attendance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a report's attendance rate counts a late student, as the school's rule says. */
public enum LateCountsAs {
    /** Late is attendance: the rate counts present and late alike (the default). */
    PRESENT,
    /** Late is not attendance: the rate counts it as an absence. */
    ABSENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LateCountsAs> fromWire(String word) {
        return Arrays.stream(values()).filter(value -> value.wire().equals(word)).findFirst();
    }
}
