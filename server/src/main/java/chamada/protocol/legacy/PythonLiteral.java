package chamada.protocol.legacy;

import java.util.List;

/**
 * Python 3's {@code repr()} of a {@code str}, and its {@code str()} of a list of strings and
 * nested lists: the text the seeds' servers send, e.g. {@code ['10', '20']}.
 *
 * <p>Design note. It follows CPython's {@code unicode_repr} (Objects/unicodeobject.c): single
 * quotes unless the string contains {@code '} and no {@code "}; a backslash before the quote
 * in use and before {@code \}; {@code \t \n \r}; {@code \xhh} for the other ASCII controls
 * and DEL; any other character kept as is when Python calls it printable, else {@code \xhh},
 * <code>&#92;uhhhh</code> or <code>&#92;Uhhhhhhhh</code>. Printable means not in the Unicode categories Cc, Cf,
 * Cs, Co, Cn, Zl, Zp, nor Zs other than the space. Categories come from this JVM's Unicode
 * tables, which may be newer than the Python's: a character assigned between the two
 * versions is kept by us and escaped by that Python. Both render the same string.
 *
 * <p>Exactness matters: the seed's file client {@code eval()}s what it receives, so a wrong
 * escape would be a way for a file's text to run code on the client.
 */
public final class PythonLiteral {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonLiteral() {
    }

    /** {@code repr(text)}, e.g. {@code 'it\'s'} is rendered as {@code "it's"}. */
    public static String repr(String text) {
        boolean hasSingle = text.indexOf('\'') >= 0;
        boolean hasDouble = text.indexOf('"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> append(out, c, quote));
        return out.append(quote).toString();
    }

    /**
     * {@code str(items)} of a list whose items are strings or, recursively, such lists:
     * {@code [}, the items' literals joined by {@code ", "}, {@code ]}.
     */
    public static String list(List<?> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(switch (items.get(i)) {
                case String text -> repr(text);
                case List<?> nested -> list(nested);
                case Object other -> throw new IllegalArgumentException(
                        "only strings and lists have a literal here, not " + other.getClass().getName());
            });
        }
        return out.append(']').toString();
    }

    private static void append(StringBuilder out, int c, char quote) {
        if (c == quote || c == '\\') {
            out.append('\\').append((char) c);
        } else if (c == '\t') {
            out.append("\\t");
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c < ' ' || c == 0x7f) {
            hex(out, 'x', c, 2);
        } else if (c < 0x7f || isPrintable(c)) {
            out.appendCodePoint(c);
        } else if (c <= 0xff) {
            hex(out, 'x', c, 2);
        } else if (c <= 0xffff) {
            hex(out, 'u', c, 4);
        } else {
            hex(out, 'U', c, 8);
        }
    }

    /** Python's {@code str.isprintable()} for one non-ASCII character. */
    private static boolean isPrintable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static void hex(StringBuilder out, char kind, int c, int digits) {
        out.append('\\').append(kind);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(c >> shift) & 0xf]);
        }
    }
}
