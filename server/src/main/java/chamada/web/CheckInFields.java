package chamada.web;

import chamada.error.ChamadaException;
import chamada.i18n.Lang;
import chamada.rollcall.CheckInCode;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import org.eclipse.jetty.util.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the phone page's check-in form asks for, read from its posted fields with the CLI's
 * checks: a check-in, or the form to show again with what is wrong with each field. Apart from
 * {@link CheckInAction} so that the fuzz test reads a form exactly as the server does.
 */
sealed interface CheckInFields {

    /**
     * A check-in to ask for.
     *
     * @param typed the fields as typed (stripped), shown again if the rules refuse the check-in
     */
    record Valid(CheckInForm typed, ClassId classId, Matricula matricula, Optional<String> code)
            implements CheckInFields {
    }

    /** Fields refused before asking anybody: the form again, its errors in the order of the fields. */
    record Invalid(CheckInForm form) implements CheckInFields {
    }

    /** Reads the form's {@code fields}; errors are told in {@code lang}. */
    static CheckInFields read(Fields fields, Lang lang) {
        String classText = value(fields, CheckInForm.CLASS);
        String matriculaText = value(fields, CheckInForm.MATRICULA);
        String codeText = value(fields, CheckInForm.CODE);
        List<FieldError> errors = new ArrayList<>();
        Optional<ClassId> classId = parse(errors, CheckInForm.CLASS, lang, () -> ClassId.parse(classText));
        Optional<Matricula> matricula = parse(errors, CheckInForm.MATRICULA, lang, () -> new Matricula(matriculaText));
        Optional<String> code = codeText.isEmpty() ? Optional.empty()
                : parse(errors, CheckInForm.CODE, lang, () -> CheckInCode.parse(codeText));
        if (!errors.isEmpty()) {
            return new Invalid(new CheckInForm(classText, matriculaText, codeText, errors));
        }
        return new Valid(new CheckInForm(classText, matriculaText, codeText, List.of()), classId.orElseThrow(),
                matricula.orElseThrow(), code);
    }

    private static String value(Fields fields, String name) {
        String value = fields.getValue(name);
        return value == null ? "" : value.strip();
    }

    private static <T> Optional<T> parse(List<FieldError> errors, String field, Lang lang, Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (ChamadaException e) {
            errors.add(new FieldError(field, e.message(lang)));
            return Optional.empty();
        }
    }
}
