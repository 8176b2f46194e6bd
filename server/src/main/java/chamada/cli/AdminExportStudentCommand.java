package chamada.cli;

import chamada.rollcall.Matricula;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code chamada admin export-student MATRICULA [--out FILE]}: everything Chamada holds about a student, as JSON. */
@Command(name = "export-student", mixinStandardHelpOptions = true,
        header = "Write everything Chamada holds about a student as JSON (the student's right of access).")
final class AdminExportStudentCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MATRICULA", descriptionKey = "MATRICULA", description = "The student's matrícula.")
    private String matricula;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "chamada.admin.export-student.out",
            description = "Write the JSON to this file, readable by its owner only (default: the standard output).")
    private Path out;

    @Override
    public Integer call() {
        AdminCommand admin = AdminCommand.of(spec);
        Matricula student = Inputs.matricula(spec, admin.lang(), matricula);
        return admin.run(spec, actions -> actions.exportStudent(student, Optional.ofNullable(out)));
    }
}
