package chamada.cli;

import chamada.attendance.Reason;
import chamada.attendance.StatusText;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada teacher mark CLASS MATRICULA STATUS --reason TEXT [--roll-call ID]}: corrects a
 * student's status in a roll call, open or closed, with the reason the audit keeps.
 */
@Command(name = "mark", mixinStandardHelpOptions = true,
        header = "Correct a student's status in a roll call (present, late, excused or absent), with a reason.",
        description = "The class's latest roll call unless --roll-call names another (chamada teacher history lists"
                + " their numbers). A closed roll call can be corrected for --edit-days days after its close. Adding a"
                + " student who forgot to check in is a mark present; it is not a check-in.")
final class TeacherMarkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Parameters(index = "1", paramLabel = "MATRICULA", descriptionKey = "MATRICULA", description = "The student's matrícula.")
    private String matriculaText;

    @Parameters(index = "2", paramLabel = "STATUS", descriptionKey = "STATUS",
            description = "present, late, excused or absent (or in Portuguese: presente, atrasado, justificado,"
                    + " ausente).")
    private String statusText;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why (1 to 200 characters), kept in the audit.")
    private String reasonText;

    @Option(names = "--roll-call", paramLabel = "ID", description = "The roll call's number (default: the class's latest).")
    private Long rollCallId;

    @Override
    public Integer call() {
        TeacherCommand teacher = TeacherCommand.of(spec);
        ClassId classId = Inputs.classId(spec, teacher.lang(), classText);
        Matricula matricula = Inputs.matricula(spec, teacher.lang(), matriculaText);
        AttendanceStatus status = StatusText.parse(statusText).orElseThrow(() -> new CommandFailure(
                ExitCodes.USAGE, TeacherText.BAD_STATUS.format(teacher.lang(), statusText)));
        Reason reason = Inputs.reason(spec, teacher.lang(), reasonText);
        try (Link link = teacher.link(spec)) {
            return teacher.actions(link, spec).mark(classId, matricula, status, reason, Optional.ofNullable(rollCallId));
        }
    }
}
