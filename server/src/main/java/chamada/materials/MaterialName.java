package chamada.materials;

import chamada.error.Expected;
import chamada.error.Fields;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A material's file name, as students see it and their computers save it: one name, never a
 * path. Refused: empty, longer than {@value #MAX_BYTES} bytes of UTF-8, {@code .} and {@code ..},
 * a name starting with a dot (hidden on most systems), a path separator or a character Windows
 * refuses in a name ({@code <>:"/\|?*}), a control character, a trailing dot or space (Windows
 * drops them, so two names would be one file), and the device names Windows reserves
 * ({@code CON}, {@code NUL}, {@code COM1}..., with any extension). The name is never used as a
 * path on the server: the bytes are kept under a random key ({@link MaterialFolder}).
 */
public record MaterialName(String value) {

    public static final String FIELD = "file";
    public static final int MAX_BYTES = 255;

    /** Windows' forbidden characters, controls, and {@code %}, which a web address cannot carry in a path. */
    private static final Pattern FORBIDDEN = Pattern.compile("[<>:\"/\\\\|?*%\\p{Cntrl}\\u007f]");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    public MaterialName {
        if (!acceptable(value)) {
            throw Fields.invalid(FIELD, value, Expected.MATERIAL_NAME);
        }
    }

    private static boolean acceptable(String value) {
        if (value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES || value.startsWith(".")
                || value.endsWith(".") || value.endsWith(" ") || value.isBlank() || FORBIDDEN.matcher(value).find()) {
            return false;
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.SURROGATE
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            return false; // control, invisible or broken characters: a terminal's escape, a line break, a lookalike
        }
        int dot = value.indexOf('.');
        String stem = (dot < 0 ? value : value.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        return !RESERVED.contains(stem);
    }

    @Override
    public String toString() {
        return value;
    }
}
