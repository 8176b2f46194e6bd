package chamada.i18n;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** How people read times: {@code dd/MM/yyyy HH:mm:ss}, in the zone the time carries (the server's). */
public final class HumanTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private HumanTime() {
    }

    public static String format(OffsetDateTime time) {
        return FORMAT.format(time);
    }

    /** A day, {@code dd/MM/yyyy}: the school's date of a report's bounds. */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** The time of day only, {@code HH:mm:ss}, for a moment minutes away (a code's expiry). */
    public static String clock(OffsetDateTime time) {
        return CLOCK.format(time);
    }
}
