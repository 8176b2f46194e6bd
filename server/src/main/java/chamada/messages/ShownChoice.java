package chamada.messages;

import chamada.error.Expected;
import chamada.error.Fields;

import java.util.Optional;

/**
 * Which message a teacher puts on the class's question screen, as typed and as sent: a
 * message's number as the inbox lists it, or {@value #OFF} for none.
 */
public final class ShownChoice {

    public static final String OFF = "off";
    public static final String FIELD = "id";
    private static final int MAX_DIGITS = 18;

    private ShownChoice() {
    }

    /**
     * The message {@code word} names, with or without the {@code #} the inbox prints before a
     * number; empty for {@value #OFF}; refused as an invalid field otherwise.
     */
    public static Optional<Long> parse(String word) {
        if (word.equalsIgnoreCase(OFF)) {
            return Optional.empty();
        }
        String digits = word.startsWith("#") ? word.substring(1) : word;
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Fields.invalid(FIELD, word, Expected.MESSAGE_ID);
        }
        return Optional.of(Long.parseLong(digits));
    }
}
