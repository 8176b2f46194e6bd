package chamada.cli;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.error.Expected;
import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.teachers.TeachersFileException;
import chamada.teachers.TeachersFileProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code chamada teacher add NAME --teachers FILE}: adds a teacher to the file the server's
 * {@code --teachers} reads, with a PBKDF2 hash of the secret (never the secret itself).
 *
 * <p>The secret comes from {@code --secret}, else {@code $CHAMADA_SECRET}, else two
 * prompts without echo that must agree. A name already in the file is refused
 * ({@link ExitCodes#REFUSED}); see {@link TeachersFile#add}.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        header = "Add a teacher to a teachers file (the server's --teachers).",
        description = "Stores a PBKDF2 hash of the secret, never the secret. A missing file is created,"
                + " readable by its owner only. A name already in the file is refused:"
                + " to change a secret, delete its line and add again.")
final class TeacherAddCommand implements Callable<Integer> {

    private static final int MAX_SECRET = 256;

    @ParentCommand
    private TeacherCommand teacher;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", descriptionKey = "NAME",
            description = "The teacher's login name: letters, digits, . _ -")
    private String name;

    @Option(names = "--teachers", required = true, paramLabel = "FILE", description = "The teachers file.")
    private Path file;

    @Override
    public Integer call() {
        Lang lang = teacher.lang();
        TeacherName teacherName = Inputs.teacherName(spec, lang, name);
        String secret = teacher.givenSecret().orElseGet(() -> askTwice(lang, teacherName));
        if (secret.isEmpty() || secret.length() > MAX_SECRET) {
            String refusal = new ChamadaException(ErrorCode.INVALID_FIELD, "secret", "***", Expected.SECRET).message(lang);
            throw new ParameterException(spec.commandLine(), refusal);
        }
        try {
            TeachersFile.add(file, teacherName, secret);
        } catch (TeachersFileException e) {
            int code = e.problem() == TeachersFileProblem.ALREADY_PRESENT ? ExitCodes.REFUSED : ExitCodes.LOCAL_FILE;
            throw new CommandFailure(code, e.message(lang), e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_WRITE_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
        TeacherCommand.out(spec).println(TeacherText.ADDED.format(lang, teacherName, file));
        return ExitCodes.OK;
    }

    private String askTwice(Lang lang, TeacherName teacherName) {
        SecretReader secrets = teacher.terminal().secrets();
        CommandFailure noSecret = new CommandFailure(ExitCodes.USAGE, Text.NO_SECRET.format(lang, teacherName));
        String first = secrets.read(Text.SECRET_PROMPT.format(lang, teacherName)).orElseThrow(() -> noSecret);
        String second = secrets.read(Text.SECRET_AGAIN.format(lang)).orElseThrow(() -> noSecret);
        if (!first.equals(second)) {
            throw new CommandFailure(ExitCodes.USAGE, Text.SECRETS_DIFFER.format(lang));
        }
        return first;
    }
}
