package chamada.web;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the check-in page shows in its form: the values typed so far (kept as text, so that
 * leading zeros survive) and the problems to show above it and beside each field.
 *
 * @param errors in the order of the fields; the page lists them in its error summary
 */
public record CheckInForm(String classNumber, String matricula, String code, List<FieldError> errors) {

    /** The form's field names, which are also the wire names and the fields' element ids. */
    public static final String CLASS = ClassId.FIELD;
    public static final String MATRICULA = Matricula.FIELD;
    public static final String CODE = "code";

    /** Typing stops here: the longest text {@link ClassId#parse} accepts. */
    public static final int MAX_CLASS_DIGITS = 10;
    public static final int MAX_MATRICULA_DIGITS = Matricula.MAX_DIGITS;
    /** A cap on typing, above any code a roll call shows. */
    public static final int MAX_CODE_DIGITS = 10;

    public CheckInForm {
        Objects.requireNonNull(classNumber, "classNumber");
        Objects.requireNonNull(matricula, "matricula");
        Objects.requireNonNull(code, "code");
        errors = List.copyOf(errors);
    }

    /** The form as a phone first sees it. */
    public static CheckInForm empty() {
        return new CheckInForm("", "", "", List.of());
    }

    /** The problem with {@code field}, if it has one. */
    public Optional<String> errorFor(String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(FieldError::message).findFirst();
    }
}
