package chamada.cli;

import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.attendance.StatusText;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCall;
import chamada.roster.RosterNames;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Prints a roll call the way a teacher reads it: a heading, then a numbered list of
 * matrículas with their check-in times, in arrival order, and each student's name when the
 * class has a roster.
 *
 * <pre>
 * Chamada da turma 1010 encerrada em 21/11/2026 08:50:00. Presentes (3):
 *   1. 042191010  08:01:12  Ana Souza
 *   2. 042191011  08:01:40  Bruno Lima
 *   3. 7          08:03:05  (fora da lista de alunos)
 * </pre>
 *
 * A check-in on the day the roll call opened shows only its time; one on a later day (a
 * roll call left open overnight) shows the full date as well.
 */
final class RollCallPrinter {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    private RollCallPrinter() {
    }

    /** The closing heading and list. */
    static void closed(PrintWriter out, Lang lang, RollCall rollCall, RosterNames names) {
        OffsetDateTime closedAt = rollCall.closedAt().orElseThrow();
        out.println(TeacherText.CLOSED.format(lang, rollCall.classId(), HumanTime.format(closedAt),
                rollCall.present().size()));
        list(out, lang, rollCall, names);
        withoutCheckIn(out, lang, rollCall, names);
    }

    /**
     * The students with a status and no check-in: the absent, then those a teacher marked present,
     * late or excused, each by name.
     */
    private static void withoutCheckIn(PrintWriter out, Lang lang, RollCall rollCall, RosterNames names) {
        if (!rollCall.absent().isEmpty()) {
            out.println(TeacherText.ABSENT.format(lang, rollCall.absent().size()));
            students(out, lang, rollCall, names, rollCall.absent());
        }
        if (!rollCall.markedWithoutCheckIn().isEmpty()) {
            out.println(TeacherText.MARKED_WITHOUT_CHECK_IN.format(lang, rollCall.markedWithoutCheckIn().size()));
            students(out, lang, rollCall, names, rollCall.markedWithoutCheckIn());
        }
    }

    private static void students(PrintWriter out, Lang lang, RollCall rollCall, RosterNames names,
                                 List<Matricula> matriculas) {
        int width = matriculas.stream().mapToInt(m -> m.value().length()).max().orElse(0);
        for (Matricula matricula : names.inNameOrder(matriculas)) {
            AttendanceStatus status = rollCall.statuses().get(matricula);
            out.println("  " + pad(matricula.value(), width, false)
                    + (status == AttendanceStatus.ABSENT ? "" : statusMark(status, lang))
                    + names.nameOf(matricula).map(name -> "  " + name).orElse(""));
        }
    }

    /** " (late)", " (excused)"...: nothing for a plain present. */
    private static String statusMark(AttendanceStatus status, Lang lang) {
        return status == AttendanceStatus.PRESENT ? "" : " (" + StatusText.of(status, lang) + ")";
    }

    /** The heading and list of a roll call still open. */
    static void open(PrintWriter out, Lang lang, RollCall rollCall, RosterNames names) {
        String since = HumanTime.format(rollCall.openedAt());
        int count = rollCall.present().size();
        out.println(rollCall.teacher().isReserved()
                ? TeacherText.STATUS_OPEN_MODE.format(lang, rollCall.classId(), since, count)
                : TeacherText.STATUS.format(lang, rollCall.classId(), since, rollCall.teacher(), count));
        list(out, lang, rollCall, names);
        withoutCheckIn(out, lang, rollCall, names);
    }

    private static void list(PrintWriter out, Lang lang, RollCall rollCall, RosterNames names) {
        List<CheckIn> present = rollCall.present();
        if (present.isEmpty()) {
            out.println("  " + TeacherText.NOBODY.format(lang));
            return;
        }
        int numberWidth = Integer.toString(present.size()).length();
        int matriculaWidth = present.stream().mapToInt(c -> c.matricula().value().length()).max().orElse(0);
        for (int i = 0; i < present.size(); i++) {
            CheckIn checkIn = present.get(i);
            String name = names.nameOf(checkIn.matricula()).map(Object::toString).orElse(
                    names.notOnRoster(checkIn.matricula()) ? TeacherText.NOT_ON_ROSTER.format(lang) : "");
            String line = "  " + pad(Integer.toString(i + 1), numberWidth, true) + ". "
                    + pad(checkIn.matricula().value(), matriculaWidth, false) + "  "
                    + time(checkIn.at(), rollCall.openedAt()) + statusMark(rollCall.statusOf(checkIn), lang);
            out.println(name.isEmpty() ? line : line + "  " + name);
        }
    }

    private static String time(OffsetDateTime at, OffsetDateTime openedAt) {
        return at.toLocalDate().equals(openedAt.toLocalDate()) ? TIME_OF_DAY.format(at) : HumanTime.format(at);
    }

    private static String pad(String text, int width, boolean left) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return left ? spaces + text : text + spaces;
    }
}
