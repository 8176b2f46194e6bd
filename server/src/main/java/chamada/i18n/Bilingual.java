package chamada.i18n;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text that exists in both languages, with {@code {0}}-style placeholders.
 *
 * <p>Enums of texts implement this with both languages as constructor arguments, so a
 * missing translation does not compile.
 */
public interface Bilingual {

    /** The English pattern. */
    String en();

    /** The Brazilian Portuguese pattern. */
    String pt();

    /** The text in {@code lang}, with {@code args} in place of its placeholders. */
    default String format(Lang lang, Object... args) {
        String pattern = lang == Lang.PT_BR ? pt() : en();
        if (args.length == 0) {
            return pattern;
        }
        // Arguments become plain strings first: MessageFormat would print class 1010 as "1.010".
        // An argument that is itself a text is written in this one's language.
        Object[] texts = Arrays.stream(args)
                .map(arg -> arg instanceof Bilingual text ? text.format(lang) : String.valueOf(arg)).toArray();
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(texts);
    }
}
