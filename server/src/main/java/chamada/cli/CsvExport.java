package chamada.cli;

import chamada.i18n.Lang;
import chamada.protocol.ExportCsv;
import chamada.rollcall.NumberedRollCall;
import chamada.roster.RosterNames;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the CSV of {@code chamada teacher export} ({@link ExportCsv}) to a file, replaced if it
 * exists, or to standard output.
 */
final class CsvExport {

    /** What was written, for the confirmation line. */
    record Summary(int rollCalls, int checkIns) {
    }

    private CsvExport() {
    }

    /** Whether {@code target} means standard output ({@code -}). */
    static boolean isStdout(Path target) {
        return target.toString().equals("-");
    }

    /**
     * Writes the CSV, in {@code format}, to {@code target}, or to {@code stdout} when it is {@code -}.
     *
     * @throws CommandFailure with {@link ExitCodes#LOCAL_FILE} if the file cannot be written
     */
    static Summary write(Path target, List<NumberedRollCall> rollCalls, RosterNames names, ExportCsv.Format format,
                         PrintWriter stdout, Lang lang) {
        writeText(target, ExportCsv.of(rollCalls, names, format), stdout, lang);
        return new Summary(rollCalls.size(), rollCalls.stream().mapToInt(r -> r.rollCall().present().size()).sum());
    }

    /**
     * Writes {@code csv} to {@code target}, or to {@code stdout} when it is {@code -}.
     *
     * @throws CommandFailure with {@link ExitCodes#LOCAL_FILE} if the file cannot be written
     */
    static void writeText(Path target, String csv, PrintWriter stdout, Lang lang) {
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
    }
}
