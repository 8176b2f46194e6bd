package chamada.cli;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.error.Expected;
import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Optional;

/** A new secret for a teacher's account: the one given, else typed twice without echo, and checked. */
final class NewSecret {

    private static final int MAX_SECRET = 256;

    private NewSecret() {
    }

    /**
     * {@code given} if present, else the secret typed twice at {@code terminal}'s prompt;
     * {@code missing} is the failure when there is neither.
     */
    static String read(CommandSpec spec, Terminal terminal, Lang lang, TeacherName teacher, Optional<String> given,
                       CommandFailure missing) {
        String secret = given.orElseGet(() -> askTwice(terminal, lang, teacher, missing));
        if (secret.isEmpty() || secret.length() > MAX_SECRET) {
            String refusal = new ChamadaException(ErrorCode.INVALID_FIELD, "secret", "***", Expected.SECRET).message(lang);
            throw new ParameterException(spec.commandLine(), refusal);
        }
        return secret;
    }

    private static String askTwice(Terminal terminal, Lang lang, TeacherName teacher, CommandFailure missing) {
        SecretReader secrets = terminal.secrets();
        String first = secrets.read(Text.SECRET_PROMPT.format(lang, teacher)).orElseThrow(() -> missing);
        String second = secrets.read(Text.SECRET_AGAIN.format(lang)).orElseThrow(() -> missing);
        if (!first.equals(second)) {
            throw new CommandFailure(ExitCodes.USAGE, Text.SECRETS_DIFFER.format(lang));
        }
        return first;
    }
}
