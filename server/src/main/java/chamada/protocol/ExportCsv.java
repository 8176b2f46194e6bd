package chamada.protocol;

import chamada.rollcall.CheckIn;
import chamada.rollcall.RollCall;

import java.util.List;

/**
 * The export's CSV, the same from {@code chamada teacher export} and the web's download: one row
 * per check-in, under the header {@value #HEADER}, times in ISO-8601 with offset and
 * milliseconds as on the wire (e.g. {@code 2026-11-21T08:01:12.345-03:00}).
 *
 * <p>A roll call nobody checked in to still gets one row, with {@code matricula} and
 * {@code checked_in_at} empty, so that a spreadsheet of the export shows every class session
 * held. Rows end in CRLF (RFC 4180). No field can hold a comma, semicolon, quote or line break
 * (digits and times only), so none is quoted. {@link Format} chooses the separator, and whether a
 * UTF-8 byte-order mark comes first: Excel in a Brazilian locale splits columns at {@code ;} and
 * takes a file without the mark for its own code page.
 */
public final class ExportCsv {

    public static final String HEADER = "class,opened_at,closed_at,matricula,checked_in_at";

    private static final String EOL = "\r\n";

    /** The separator between fields, and whether a byte-order mark starts the text. */
    public record Format(char separator, boolean byteOrderMark) {

        /** RFC 4180's: commas, no mark; what the web's download gives. */
        public static final Format STANDARD = new Format(',', false);

        public Format {
            if (separator != ',' && separator != ';') {
                throw new IllegalArgumentException("a CSV separator is , or ;, not " + separator);
            }
        }
    }

    private ExportCsv() {
    }

    /** The whole CSV text, in the {@link Format#STANDARD standard} format. */
    public static String of(List<RollCall> rollCalls) {
        return of(rollCalls, Format.STANDARD);
    }

    /** The whole CSV text in {@code format}. */
    public static String of(List<RollCall> rollCalls, Format format) {
        char separator = format.separator();
        StringBuilder csv = new StringBuilder(format.byteOrderMark() ? "\uFEFF" : "")
                .append(HEADER.replace(',', separator)).append(EOL);
        for (RollCall rollCall : rollCalls) {
            String prefix = rollCall.classId() + String.valueOf(separator) + Wire.time(rollCall.openedAt()) + separator
                    + rollCall.closedAt().map(Wire::time).orElse("") + separator;
            if (rollCall.present().isEmpty()) {
                csv.append(prefix).append(separator).append(EOL);
            }
            for (CheckIn checkIn : rollCall.present()) {
                csv.append(prefix).append(checkIn.matricula()).append(separator).append(Wire.time(checkIn.at()))
                        .append(EOL);
            }
        }
        return csv.toString();
    }
}
