package chamada.rollcall;

import chamada.error.Expected;
import chamada.error.Fields;

/**
 * The numeric id of a class (turma), a positive integer.
 *
 * <p>Zero is not a class: the seed's protocol uses class 0 in a check-in reply to say
 * "refused", and so does ours.
 */
public record ClassId(int value) implements Comparable<ClassId> {

    /** The wire field that carries a class id. */
    public static final String FIELD = "class";

    public ClassId {
        if (value < 1) {
            throw Fields.invalid(FIELD, Integer.toString(value), Expected.CLASS_ID);
        }
    }

    /** Parses ASCII digits, e.g. {@code "1010"}; anything else is refused naming the field. */
    public static ClassId parse(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Fields.invalid(FIELD, text, Expected.CLASS_ID);
        }
        long value = Long.parseLong(text);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw Fields.invalid(FIELD, text, Expected.CLASS_ID);
        }
        return new ClassId((int) value);
    }

    @Override
    public int compareTo(ClassId other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
