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
 * held. Rows end in CRLF (RFC 4180). No field can hold a comma, quote or line break (digits and
 * times only), so none is quoted.
 */
public final class ExportCsv {

    public static final String HEADER = "class,opened_at,closed_at,matricula,checked_in_at";

    private static final String EOL = "\r\n";

    private ExportCsv() {
    }

    /** The whole CSV text. */
    public static String of(List<RollCall> rollCalls) {
        StringBuilder csv = new StringBuilder(HEADER).append(EOL);
        for (RollCall rollCall : rollCalls) {
            String prefix = rollCall.classId() + "," + Wire.time(rollCall.openedAt()) + ","
                    + rollCall.closedAt().map(Wire::time).orElse("") + ",";
            if (rollCall.present().isEmpty()) {
                csv.append(prefix).append(',').append(EOL);
            }
            for (CheckIn checkIn : rollCall.present()) {
                csv.append(prefix).append(checkIn.matricula()).append(',').append(Wire.time(checkIn.at())).append(EOL);
            }
        }
        return csv.toString();
    }
}
