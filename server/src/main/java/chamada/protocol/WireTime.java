package chamada.protocol;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes and reads the wire's times ({@code 2026-11-21T08:00:01.250-03:00}) without going
 * through {@link DateTimeFormatter} in the common case: every reply carries a time, and
 * the formatter's generic machinery was a third of a check-in reply's decoding in the
 * client (JMH {@code CodecBenchmark.parseTime}: 1.6 µs and 1,592 bytes per time).
 *
 * <p>Both directions handle exactly the server's own shape (four-digit year, milliseconds,
 * offset {@code Z} or {@code ±HH:MM}); anything else goes to the formatter as before, so the
 * results, and the exceptions for bad input, are the formatter's. Stateless.
 */
final class WireTime {

    private static final int LENGTH_Z = "2026-11-21T08:00:01.250Z".length();
    private static final int LENGTH_OFFSET = "2026-11-21T08:00:01.250-03:00".length();

    private WireTime() {
    }

    /** As {@code Wire.TIME.format(time)}. */
    static String format(OffsetDateTime time) {
        int year = time.getYear();
        int offset = time.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            return Wire.TIME.format(time);
        }
        byte[] out = new byte[offset == 0 ? LENGTH_Z : LENGTH_OFFSET];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, time.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, time.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, time.getHour(), 2);
        out[13] = ':';
        digits(out, 14, time.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, time.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, time.getNano() / 1_000_000, 3);
        if (offset == 0) {
            out[23] = 'Z';
        } else {
            int minutes = Math.abs(offset) / 60;
            out[23] = (byte) (offset < 0 ? '-' : '+');
            digits(out, 24, minutes / 60, 2);
            out[26] = ':';
            digits(out, 27, minutes % 60, 2);
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** As {@code OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)}. */
    static OffsetDateTime parse(String text) {
        if (text.length() == LENGTH_Z || text.length() == LENGTH_OFFSET) {
            try {
                OffsetDateTime fast = parseOwnShape(text);
                if (fast != null) {
                    return fast;
                }
            } catch (DateTimeException e) {
                // An impossible date in the right shape: the formatter says so in its own words.
            }
        }
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The time, or null if {@code text} is not exactly the server's shape. */
    private static OffsetDateTime parseOwnShape(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(19) != '.') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int millis = number(text, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return null;
        }
        ZoneOffset offset;
        if (text.length() == LENGTH_Z) {
            if (text.charAt(23) != 'Z') {
                return null;
            }
            offset = ZoneOffset.UTC;
        } else {
            char sign = text.charAt(23);
            int offsetHours = number(text, 24, 2);
            int offsetMinutes = number(text, 27, 2);
            if ((sign != '+' && sign != '-') || text.charAt(26) != ':' || (offsetHours | offsetMinutes) < 0) {
                return null;
            }
            offset = sign == '+' ? ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes)
                    : ZoneOffset.ofHoursMinutes(-offsetHours, -offsetMinutes);
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000, offset);
    }

    /** The decimal number in {@code length} ASCII digits at {@code start}, or -1 if one is not a digit. */
    private static int number(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void digits(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
