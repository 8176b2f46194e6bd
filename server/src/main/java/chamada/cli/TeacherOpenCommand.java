package chamada.cli;

import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code chamada teacher open CLASS [--code-policy POLICY] [--accept-unknown] [--late-after MINUTES]}: opens the roll call of a class and prints when, and its code. */
@Command(name = "open", mixinStandardHelpOptions = true,
        header = "Open the roll call of a class.")
final class TeacherOpenCommand extends TeacherClassCommand {

    @Option(names = "--code-policy", paramLabel = "POLICY",
            description = "Ask students for a check-in code: rotating (changes on the projector), fixed (one code)"
                    + " or none (default: rotating on a server with teachers, none in open mode).")
    private String codePolicy;

    @Option(names = "--accept-unknown",
            description = "If the class has a roster, accept matrículas not on it too (shown as not on the roster)"
                    + " instead of refusing them.")
    private boolean acceptUnknown;

    @Option(names = "--late-after", paramLabel = "MINUTES",
            description = "Check-ins more than this many minutes after the opening count as late (0 to 720;"
                    + " default: the class's, see teacher defaults, else nobody is late).")
    private String lateAfter;

    @Override
    int run(TeacherActions actions, ClassId classId) {
        return actions.open(classId, Optional.ofNullable(codePolicy).map(this::policy), acceptUnknown,
                Optional.ofNullable(lateAfter).map(text -> Inputs.lateAfter(lang(), text)));
    }

    private CodePolicy policy(String word) {
        return CodePolicy.fromWire(word).orElseThrow(() -> new CommandFailure(ExitCodes.USAGE,
                TeacherText.BAD_CODE_POLICY.format(lang(), word)));
    }
}
