package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.teachers.TeachersFileException;
import chamada.teachers.TeachersFileProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @ParentCommand
    private TeacherCommand teacher;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", descriptionKey = "NAME",
            description = "The teacher's login name: letters, digits, . _ -")
    private String name;

    @Option(names = "--teachers", required = true, paramLabel = "FILE", description = "The teachers file.")
    private Path file;

    @Option(names = "--admin", descriptionKey = "admin",
            description = "Make the teacher a school administrator: the way to make the first one.")
    private boolean administrator;

    @Override
    public Integer call() {
        Lang lang = teacher.lang();
        TeacherName teacherName = Inputs.teacherName(spec, lang, name);
        String secret = NewSecret.read(spec, teacher.terminal(), lang, teacherName, teacher.givenSecret(),
                new CommandFailure(ExitCodes.USAGE, Text.NO_SECRET.format(lang, teacherName)));
        try {
            TeachersFile.add(file, teacherName, secret, administrator);
        } catch (TeachersFileException e) {
            int code = e.problem() == TeachersFileProblem.ALREADY_PRESENT ? ExitCodes.REFUSED : ExitCodes.LOCAL_FILE;
            throw new CommandFailure(code, e.message(lang), e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_WRITE_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
        TeacherCommand.out(spec).println(TeacherText.ADDED.format(lang, teacherName, file));
        return ExitCodes.OK;
    }
}
