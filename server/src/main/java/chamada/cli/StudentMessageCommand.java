package chamada.cli;

import chamada.error.ChamadaException;
import chamada.messages.MessageText;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada student message CLASS [TEXT...] (--matricula M | --anonymous)}: a message to the
 * class's teachers; without a text, one message per line typed until an empty line or the end of
 * input. Exit code: {@link ExitCodes#OK} when every message was delivered, else that of the
 * first refusal (the rest are still sent).
 */
@Command(name = "message", mixinStandardHelpOptions = true,
        header = "Write to the teachers of a class (several messages, one per line, without a TEXT).")
final class StudentMessageCommand implements Callable<Integer> {

    @ParentCommand
    private StudentCommand student;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLASS", descriptionKey = "CLASS", description = "Class number, e.g. 1010.")
    private String classText;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "0..*", descriptionKey = "MESSAGE_TEXT",
            description = "The message (the words are joined with spaces); without it, read line by line.")
    private List<String> words;

    @Option(names = "--matricula", paramLabel = "MATRICULA",
            description = "Who writes: the student's number, as the teacher will see it.")
    private String matriculaText;

    @Option(names = "--anonymous", description = "Write without a matrícula, where the class takes anonymous messages.")
    private boolean anonymous;

    @Override
    public Integer call() {
        ClassId classId = Inputs.classId(spec, student.lang(), classText);
        if (anonymous == (matriculaText != null)) {
            throw new CommandFailure(ExitCodes.USAGE, InboxText.NEEDS_SENDER.format(student.lang()));
        }
        Optional<Matricula> sender = Optional.ofNullable(matriculaText).map(m -> Inputs.matricula(spec, student.lang(), m));
        try (Link link = student.link()) {
            ClassMessages messages = new ClassMessages(link, student.lang(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            if (words != null && !words.isEmpty()) {
                return messages.send(classId, sender, Inputs.messageText(spec, student.lang(), String.join(" ", words)));
            }
            spec.commandLine().getErr().println(InboxText.TYPE_MESSAGES.format(student.lang(), classId));
            spec.commandLine().getErr().flush();
            int exit = ExitCodes.OK;
            for (Optional<String> line = student.terminal().readLine(); line.isPresent() && !line.get().isBlank();
                 line = student.terminal().readLine()) {
                int sent;
                try {
                    sent = messages.send(classId, sender, new MessageText(line.get()));
                } catch (ChamadaException e) {
                    // A line too long, say: the student is told, and the next line still goes.
                    spec.commandLine().getErr().println(e.message(student.lang()));
                    sent = ExitCodes.REFUSED;
                }
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().flush();
                exit = exit == ExitCodes.OK ? sent : exit;
            }
            return exit;
        }
    }
}
