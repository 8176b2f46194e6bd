package chamada.attendance;

import chamada.error.Expected;
import chamada.error.Fields;

/**
 * Why a teacher changed a student's status, as the audit keeps it: 1 to {@value #MAX_LENGTH}
 * characters without control characters, spaces at either end dropped.
 */
public record Reason(String value) {

    public static final String FIELD = "reason";
    public static final int MAX_LENGTH = 200;

    public Reason {
        value = value.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.codePoints().anyMatch(Character::isISOControl)) {
            throw Fields.invalid(FIELD, value, Expected.REASON);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
