package chamada.rollcall;

import chamada.error.Expected;
import chamada.error.Fields;

/**
 * A student's number (matrícula): 1 to 20 ASCII digits, kept as text so that leading
 * zeros survive ({@code 042191010} and {@code 42191010} are two students).
 */
public record Matricula(String value) {

    /** The wire field that carries a matrícula. */
    public static final String FIELD = "matricula";

    public static final int MAX_DIGITS = 20;

    public Matricula {
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Fields.invalid(FIELD, value, Expected.MATRICULA);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
