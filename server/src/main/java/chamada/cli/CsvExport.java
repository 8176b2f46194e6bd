package chamada.cli;

import chamada.i18n.Lang;
import chamada.protocol.Wire;
import chamada.rollcall.CheckIn;
import chamada.rollcall.RollCall;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV that {@code chamada teacher export} writes: one row per check-in, under the header
 * {@value #HEADER}, times in ISO-8601 with offset and milliseconds as on the wire
 * (e.g. {@code 2026-11-21T08:01:12.345-03:00}).
 *
 * <p>A roll call nobody checked in to still gets one row, with {@code matricula} and
 * {@code checked_in_at} empty, so that a spreadsheet of the export shows every class
 * session held. Rows end in CRLF (RFC 4180). No field can hold a comma, quote or line
 * break (digits and times only), so none is quoted. The file is UTF-8 and is replaced if
 * it exists.
 */
final class CsvExport {

    static final String HEADER = "class,opened_at,closed_at,matricula,checked_in_at";

    private static final String EOL = "\r\n";

    /** What was written, for the confirmation line. */
    record Summary(int rollCalls, int checkIns) {
    }

    private CsvExport() {
    }

    /** Whether {@code target} means standard output ({@code -}). */
    static boolean isStdout(Path target) {
        return target.toString().equals("-");
    }

    /** The whole CSV text. */
    static String render(List<RollCall> rollCalls) {
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

    /**
     * Writes the CSV to {@code target}, or to {@code stdout} when it is {@code -}.
     *
     * @throws CommandFailure with {@link ExitCodes#LOCAL_FILE} if the file cannot be written
     */
    static Summary write(Path target, List<RollCall> rollCalls, PrintWriter stdout, Lang lang) {
        String csv = render(rollCalls);
        if (isStdout(target)) {
            stdout.print(csv);
            stdout.flush();
        } else {
            try {
                Files.writeString(target, csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.LOCAL_FILE,
                        Text.FILE_WRITE_FAILED.format(lang, target, Reasons.file(e, lang)), e);
            }
        }
        return new Summary(rollCalls.size(), rollCalls.stream().mapToInt(r -> r.present().size()).sum());
    }
}
