package chamada.messages;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.error.Expected;
import chamada.error.Fields;

/**
 * What a student wrote to the teacher: 1 to {@value #MAX_CHARACTERS} characters (counted as a
 * person counts them, so an emoji is one), line breaks and tabs kept, other control characters
 * refused, and so is half of a character (an unpaired surrogate). A Windows line break is kept
 * as a plain one. It is only ever shown as text: every
 * page escapes it.
 */
public record MessageText(String value) {

    public static final String FIELD = "text";
    public static final int MAX_CHARACTERS = 2_000;

    public MessageText {
        value = value.replace("\r\n", "\n");
        if (value.isBlank()) {
            throw Fields.invalid(FIELD, value, Expected.MESSAGE_TEXT);
        }
        int characters = value.codePointCount(0, value.length());
        if (characters > MAX_CHARACTERS) {
            throw new ChamadaException(ErrorCode.MESSAGE_TOO_LONG, MAX_CHARACTERS, characters);
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'
                || Character.getType(c) == Character.SURROGATE)) {
            throw Fields.invalid(FIELD, value, Expected.MESSAGE_TEXT);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
