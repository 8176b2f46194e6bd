package chamada.rollcall;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A student's status in one roll call: {@code present} or {@code late} by their check-in (the
 * roll call's late-after decides), {@code absent} from the roster at the close, or any of the
 * four by a teacher's correction.
 */
public enum AttendanceStatus {
    PRESENT, LATE, EXCUSED, ABSENT;

    /** The word on the wire and in the store, e.g. {@code excused}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AttendanceStatus> fromWire(String word) {
        return Arrays.stream(values()).filter(status -> status.wire().equals(word)).findFirst();
    }
}
