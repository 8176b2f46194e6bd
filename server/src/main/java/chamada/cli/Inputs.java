package chamada.cli;

import chamada.attendance.Reason;
import chamada.error.ChamadaException;
import chamada.i18n.Lang;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.messages.MessageText;
import chamada.messages.ShownChoice;
import chamada.rollcall.CheckInCode;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks what was typed on the command line before anything is sent, with the same rules
 * and bilingual messages as the server; a bad value is a usage error
 * ({@link ExitCodes#USAGE}) naming the field.
 */
final class Inputs {

    private Inputs() {
    }

    /** {@code --late-after}'s minutes, 0 to 720; a usage error naming the option otherwise. */
    static Duration lateAfter(Lang lang, String text) {
        try {
            return CheckInRules.lateAfterMinutes(text);
        } catch (ChamadaException e) {
            throw new CommandFailure(ExitCodes.USAGE, TeacherText.BAD_LATE_AFTER.format(lang, text));
        }
    }

    static ClassId classId(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, ClassId::parse);
    }

    static Matricula matricula(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, Matricula::new);
    }

    static String code(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, CheckInCode::parse);
    }

    static Reason reason(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, Reason::new);
    }

    static MessageText messageText(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, MessageText::new);
    }

    static MaterialName materialName(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, MaterialName::new);
    }

    static MaterialChoice materialChoice(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, MaterialChoice::parse);
    }

    static Optional<Long> shownChoice(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, ShownChoice::parse);
    }

    static TeacherName teacherName(CommandSpec spec, Lang lang, String text) {
        return parse(spec, lang, text, TeacherName::ofLogin);
    }

    private static <T> T parse(CommandSpec spec, Lang lang, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (ChamadaException e) {
            throw new ParameterException(spec.commandLine(), e.message(lang), e, null, text);
        }
    }
}
