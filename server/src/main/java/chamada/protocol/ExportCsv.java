package chamada.protocol;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.RollCall;
import chamada.roster.RosterNames;
import chamada.roster.StudentName;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The export's CSV, the same from {@code chamada teacher export}, the web's download and the
 * JSON API: one row per student of each closed roll call, under the header {@value #HEADER}.
 *
 * <p>A student who checked in has the time ({@code checked_in_at}, ISO-8601 with offset and
 * milliseconds as on the wire) and a status ({@code present} or {@code late} by the time, or a
 * teacher's correction); {@code late_minutes}, for a late one, is how many whole minutes after the
 * opening it came. Then the students with a status and no check-in (absent; or a teacher's
 * present, late or excused), with {@code checked_in_at} empty. A roll call without any student
 * still gets one row, with {@code matricula} empty, so that a spreadsheet shows every class
 * session held. {@code name} is the class's roster's today. Written by Apache Commons CSV: RFC
 * 4180 quoting (a name may hold the separator or a quote), rows ending in CRLF. {@link Format}
 * chooses the separator, and whether a UTF-8 byte-order mark comes first: Excel in a Brazilian
 * locale splits columns at {@code ;} and takes a file without the mark for its own code page.
 */
public final class ExportCsv {

    public static final String HEADER = "roll_call,class,opened_at,closed_at,matricula,name,checked_in_at,status,"
            + "late_minutes";

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
    public static String of(List<NumberedRollCall> rollCalls, RosterNames names) {
        return of(rollCalls, names, Format.STANDARD);
    }

    /** The whole CSV text in {@code format}. */
    public static String of(List<NumberedRollCall> rollCalls, RosterNames names, Format format) {
        StringBuilder csv = new StringBuilder(format.byteOrderMark() ? "\uFEFF" : "");
        CSVFormat rows = CSVFormat.RFC4180.builder().setDelimiter(format.separator()).setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(csv, rows)) {
            printer.printRecord((Object[]) HEADER.split(","));
            for (NumberedRollCall numbered : rollCalls) {
                RollCall rollCall = numbered.rollCall();
                List<Matricula> without = names.inNameOrder(
                        Stream.concat(rollCall.absent().stream(), rollCall.markedWithoutCheckIn().stream())
                                .toList());
                if (rollCall.present().isEmpty() && without.isEmpty()) {
                    printer.printRecord(numbered.id(), rollCall.classId(), Wire.time(rollCall.openedAt()),
                            closedAt(rollCall), "", "", "", "", "");
                }
                for (CheckIn checkIn : rollCall.present()) {
                    AttendanceStatus status = rollCall.statusOf(checkIn);
                    printer.printRecord(numbered.id(), rollCall.classId(), Wire.time(rollCall.openedAt()),
                            closedAt(rollCall), checkIn.matricula(), name(names, checkIn.matricula()),
                            Wire.time(checkIn.at()), status.wire(), status == AttendanceStatus.LATE
                                    ? Long.toString(Duration.between(rollCall.openedAt(), checkIn.at()).toMinutes()) : "");
                }
                for (Matricula matricula : without) {
                    printer.printRecord(numbered.id(), rollCall.classId(), Wire.time(rollCall.openedAt()),
                            closedAt(rollCall), matricula, name(names, matricula), "",
                            rollCall.statuses().get(matricula).wire(), "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to a string cannot fail", e);
        }
        return csv.toString();
    }

    private static String closedAt(RollCall rollCall) {
        return rollCall.closedAt().map(Wire::time).orElse("");
    }

    private static String name(RosterNames names, Matricula matricula) {
        return names.nameOf(matricula).map(StudentName::value).orElse("");
    }
}
