package chamada.roster;

import chamada.error.Expected;
import chamada.error.Fields;

/**
 * A student's name as the school's roster writes it: 1 to {@value #MAX_LENGTH} characters, no
 * control characters, spaces at either end dropped. Shown to teachers only, never to students.
 */
public record StudentName(String value) {

    /** The wire field that carries a name in a roster. */
    public static final String FIELD = "name";

    public static final int MAX_LENGTH = 100;

    public StudentName {
        value = value.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.codePoints().anyMatch(StudentName::isControl)) {
            throw Fields.invalid(FIELD, value, Expected.STUDENT_NAME);
        }
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED;
    }

    @Override
    public String toString() {
        return value;
    }
}
